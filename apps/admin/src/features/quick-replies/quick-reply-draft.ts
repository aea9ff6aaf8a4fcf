import { NewQuickReply, TemplateLanguage, type QuickReply } from '@switchboard/protocol';
import type { Issue, Schema } from '../../lib/issues';

export const LANGUAGES = TemplateLanguage.options;
export type Language = (typeof LANGUAGES)[number];

/** A quick reply as the form holds it: a text for every language, empty where it is not written in that one. */
export type QuickReplyDraft = { title: string; bodies: Record<Language, string> };

export const blankDraft = (): QuickReplyDraft => ({ title: '', bodies: { en: '', nl: '', fr: '' } });

/** The languages a quick reply is written in, in the protocol's order. */
export const languagesOf = (reply: QuickReply): Language[] =>
  LANGUAGES.filter((l) => (reply.bodies[l] ?? '').trim() !== '');

export const draftOf = (reply: QuickReply): QuickReplyDraft => ({
  title: reply.title,
  bodies: { en: reply.bodies.en ?? '', nl: reply.bodies.nl ?? '', fr: reply.bodies.fr ?? '' },
});

const TitleSchema = NewQuickReply.shape.title;
const BodySchema = NewQuickReply.shape.bodies.valueType;

const under = (prefix: PropertyKey[], issues: readonly Issue[]): Issue[] =>
  issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));

/** The body to send, trimmed as the server keeps it, with only the languages written; and what is wrong with it. */
function parseDraft(draft: QuickReplyDraft): { body: NewQuickReply; issues: Issue[] } {
  const issues: Issue[] = [];
  const title = TitleSchema.safeParse(draft.title);
  if (!title.success) issues.push(...under(['title'], title.error.issues));
  const bodies: NewQuickReply['bodies'] = {};
  for (const language of LANGUAGES) {
    // An empty text means "not written in this language", not an empty reply.
    if (draft.bodies[language].trim() === '') continue;
    const body = BodySchema.safeParse(draft.bodies[language]);
    if (body.success) bodies[language] = body.data;
    else issues.push(...under(['bodies', language], body.error.issues));
  }
  if (LANGUAGES.every((l) => draft.bodies[l].trim() === '')) {
    issues.push({ code: 'custom', path: ['bodies'], message: 'write the quick reply in at least one language' });
  }
  return { body: { title: title.data ?? draft.title, bodies }, issues };
}

export const toQuickReplyBody = (draft: QuickReplyDraft): NewQuickReply => parseDraft(draft).body;

/** Checks the draft with the protocol's rules; it answers the draft itself, and the page sends `toQuickReplyBody`. */
export const QuickReplyFormSchema: Schema<QuickReplyDraft> = {
  safeParse: (data) => {
    const { issues } = parseDraft(data as QuickReplyDraft);
    return issues.length === 0
      ? { success: true, data: data as QuickReplyDraft }
      : { success: false, error: { issues } };
  },
};
