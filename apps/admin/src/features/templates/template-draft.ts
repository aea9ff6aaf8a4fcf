import { NewMessageTemplate, TemplateLanguage, type MessageTemplate } from '@switchboard/protocol';
import type { Issue, Schema } from '../../lib/issues';

export const LANGUAGES = TemplateLanguage.options;
export type Language = (typeof LANGUAGES)[number];

/** A template as the form holds it: a text for every language, empty where it is not written in that one. */
export type TemplateDraft = { name: string; bodies: Record<Language, string> };

export const blankDraft = (): TemplateDraft => ({ name: '', bodies: { en: '', nl: '', fr: '' } });

/** The texts a saved template has, by language (a template need not be written in all of them). */
export const bodiesOf = (template: MessageTemplate): Partial<Record<Language, string>> => template.bodies;

/** The languages a template is written in, in the protocol's order. */
export const languagesOf = (template: MessageTemplate): Language[] =>
  LANGUAGES.filter((l) => (bodiesOf(template)[l] ?? '').trim() !== '');

export const draftOf = (template: MessageTemplate): TemplateDraft => {
  const bodies = bodiesOf(template);
  return { name: template.name, bodies: { en: bodies.en ?? '', nl: bodies.nl ?? '', fr: bodies.fr ?? '' } };
};

const NameSchema = NewMessageTemplate.shape.name;
const BodySchema = NewMessageTemplate.shape.bodies.valueType;

const under = (prefix: PropertyKey[], issues: readonly Issue[]): Issue[] =>
  issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));

/** The body to send, trimmed as the server keeps it, with only the languages written; and what is wrong with it. */
function parseDraft(draft: TemplateDraft): { body: NewMessageTemplate; issues: Issue[] } {
  const issues: Issue[] = [];
  const name = NameSchema.safeParse(draft.name);
  if (!name.success) issues.push(...under(['name'], name.error.issues));
  const bodies: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGES) {
    const text = draft.bodies[language];
    // An empty text means "not written in this language", not an empty message.
    if (text.trim() === '') continue;
    const body = BodySchema.safeParse(text);
    if (body.success) bodies[language] = body.data;
    else issues.push(...under(['bodies', language], body.error.issues));
  }
  if (LANGUAGES.every((l) => draft.bodies[l].trim() === '')) {
    issues.push({ code: 'custom', path: ['bodies'], message: 'write the template in at least one language' });
  }
  // The protocol's type lists every language; a template carries only those it is written in.
  return { body: { name: name.data ?? draft.name, bodies: bodies as NewMessageTemplate['bodies'] }, issues };
}

export const toTemplateBody = (draft: TemplateDraft): NewMessageTemplate => parseDraft(draft).body;

/**
 * Checks the draft with the protocol's rules for a name and a text; it answers the draft itself,
 * and the page sends `toTemplateBody(draft)`.
 */
export const TemplateFormSchema: Schema<TemplateDraft> = {
  safeParse: (data) => {
    const { issues } = parseDraft(data as TemplateDraft);
    return issues.length === 0 ? { success: true, data: data as TemplateDraft } : { success: false, error: { issues } };
  },
};
