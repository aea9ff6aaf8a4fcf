import { z } from 'zod';
import { Email, Id, MultiLine, SingleLine } from './common.js';

/**
 * A chat widget's settings (CH1): how it looks and what it says per language, its pre-chat survey
 * and the answers that identify the customer (CH5), its post-chat survey and the operating hours it
 * tells visitors before the form. Stored per widget; every field has a default so a widget made
 * before these settings reads as the plain widget it was.
 */

export const WidgetLanguage = z.enum(['en', 'nl', 'fr']);
export type WidgetLanguage = z.infer<typeof WidgetLanguage>;

export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is # and six hex digits, e.g. #0f6cbd');

/** A logo the widget loads in the visitor's browser: https only (no mixed content, no javascript:), bounded. */
export const LogoUrl = z
  .url({ protocol: /^https$/, error: 'a logo URL starts with https://' })
  .max(500, 'at most 500 characters');

export const WidgetTexts = z.strictObject({
  title: SingleLine(100).default(''),
  greeting: MultiLine(500).default(''),
  offlineMessage: MultiLine(500).default(''),
});
export type WidgetTexts = z.infer<typeof WidgetTexts>;

const perLanguage = <T extends z.ZodType>(item: T) => z.strictObject({ en: item, nl: item, fr: item });

const emptyTexts = { title: '', greeting: '', offlineMessage: '' };

export const WidgetAppearance = z.strictObject({
  primaryColor: HexColor.default('#2557d6'),
  textColor: HexColor.default('#ffffff'),
  logoUrl: LogoUrl.nullable().default(null),
  /** `auto` follows the visitor's system setting (light or dark). */
  theme: z.enum(['auto', 'light', 'dark']).default('auto'),
  /** Empty texts fall back to English, then to the widget's own words. */
  texts: perLanguage(WidgetTexts).default({ en: emptyTexts, nl: emptyTexts, fr: emptyTexts }),
});
export type WidgetAppearance = z.infer<typeof WidgetAppearance>;

export const QuestionKind = z.enum(['single-line', 'multi-line', 'option-set', 'consent']);
export type QuestionKind = z.infer<typeof QuestionKind>;

export const QuestionId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'a question id is 1-40 lowercase letters, digits or -');
/** The context variable an answer becomes (routing rules read `context.<name>`). */
export const VariableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a variable name is a letter or _, then letters, digits or _ (at most 64)');

export const PrechatQuestion = z.strictObject({
  id: QuestionId,
  kind: QuestionKind,
  required: z.boolean().default(false),
  label: perLanguage(SingleLine(512)),
  variable: VariableName,
  /** The choices of an option set, as shown and stored. */
  options: z
    .array(SingleLine(100, { min: 1 }))
    .max(20)
    .default([]),
});
export type PrechatQuestion = z.infer<typeof PrechatQuestion>;

/** The record fields an answer can identify the customer by (CH5): exact matches only. */
export const IdentityField = z.enum([
  'contact-email',
  'contact-phone',
  'contact-name',
  'account-name',
  'account-email',
  'account-phone',
]);
export type IdentityField = z.infer<typeof IdentityField>;

/** `name` and `email` are the built-in pre-chat fields; anything else names a question. */
export const IdentificationRule = z.strictObject({ field: IdentityField, answer: QuestionId });
export type IdentificationRule = z.infer<typeof IdentificationRule>;

export const PrechatSurvey = z
  .strictObject({
    questions: z.array(PrechatQuestion).max(10, 'at most 10 questions').default([]),
    identification: z.array(IdentificationRule).max(IdentityField.options.length).default([]),
  })
  .superRefine((s, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const ids = new Set<string>();
    const vars = new Set<string>();
    s.questions.forEach((q, i) => {
      if (ids.has(q.id) || q.id === 'name' || q.id === 'email' || q.id === 'question')
        issue(`question id ${q.id} is used twice or is a built-in field`, ['questions', i, 'id']);
      if (vars.has(q.variable)) issue(`variable ${q.variable} is used by two questions`, ['questions', i, 'variable']);
      ids.add(q.id);
      vars.add(q.variable);
      if (q.kind === 'option-set' && q.options.length === 0)
        issue(`question ${q.id}: an option set needs at least one option`, ['questions', i, 'options']);
      if (q.kind === 'consent' && !q.required)
        issue(`question ${q.id}: a consent question must be required`, ['questions', i, 'required']);
      if (!q.label.en.trim()) issue(`question ${q.id} needs an English label`, ['questions', i, 'label', 'en']);
    });
    const fields = new Set<string>();
    s.identification.forEach((r, i) => {
      if (fields.has(r.field)) issue(`${r.field} is marked twice`, ['identification', i, 'field']);
      fields.add(r.field);
      const q = s.questions.find((x) => x.id === r.answer);
      const builtIn = r.answer === 'name' || r.answer === 'email';
      if (!builtIn && !q) issue(`identification names no question ${r.answer}`, ['identification', i, 'answer']);
      if (q && q.kind === 'consent')
        issue(`question ${q.id} is a consent box: it cannot identify anyone`, ['identification', i, 'answer']);
    });
  });
export type PrechatSurvey = z.infer<typeof PrechatSurvey>;

export const PostChatSurvey = z.strictObject({ enabled: z.boolean().default(false) });
export type PostChatSurvey = z.infer<typeof PostChatSurvey>;

export const WidgetSettings = z.strictObject({
  appearance: WidgetAppearance,
  prechat: PrechatSurvey,
  postChat: PostChatSurvey,
  /** An operating-hours record of the organisation; null: always open. */
  operatingHoursId: Id.nullable().default(null),
});
export type WidgetSettings = z.infer<typeof WidgetSettings>;
export type WidgetSettingsInput = z.input<typeof WidgetSettings>;

export const defaultWidgetSettings = (): WidgetSettings =>
  WidgetSettings.parse({ appearance: {}, prechat: {}, postChat: {} });

/** What the widget learns of its hours before the pre-chat form. */
export const WidgetAvailability = z.object({
  open: z.boolean(),
  /** ISO instant of the next opening when closed (within two weeks); null when open or unknown. */
  nextOpening: z.string().nullable(),
});
export type WidgetAvailability = z.infer<typeof WidgetAvailability>;

/** The pre-chat answers beyond name, email and question: keyed by question id. */
export const PrechatAnswerMap = z
  .record(QuestionId, z.union([MultiLine(2000, { trim: false }), z.boolean()]))
  .refine((m) => Object.keys(m).length <= 10, { message: 'at most 10 answers' });
export type PrechatAnswerMap = z.infer<typeof PrechatAnswerMap>;

/** "Leave a message" outside the widget's hours: it becomes a conversation an agent answers later. */
export const OfflineMessageRequest = z.strictObject({
  name: SingleLine(200, { min: 1, minMessage: 'name is required' }),
  email: Email,
  message: MultiLine(2000, { min: 1, minMessage: 'message is required' }),
  locale: WidgetLanguage.default('en'),
});
export type OfflineMessageRequest = z.input<typeof OfflineMessageRequest>;

export const PostChatSurveyRequest = z.strictObject({
  rating: z.number().int().min(1, 'a rating is 1 to 5').max(5, 'a rating is 1 to 5'),
  comment: MultiLine(2000).optional(),
});
export type PostChatSurveyRequest = z.infer<typeof PostChatSurveyRequest>;

export const PostChatSurveyResult = z.object({ rating: z.number().int(), comment: z.string().nullable() });
export type PostChatSurveyResult = z.infer<typeof PostChatSurveyResult>;
