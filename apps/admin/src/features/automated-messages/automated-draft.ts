import { AutomatedMessageInput, type AutomatedMessage } from '@switchboard/protocol';
import type { Issue, Schema } from '../../lib/issues';
import { LANGUAGES, type Language } from '../templates/template-draft';

/** An automated message as its card holds it: a text per language, empty where the built-in one is said. */
export type AutomatedDraft = { enabled: boolean; bodies: Record<Language, string> };

export const draftOf = (m: AutomatedMessage): AutomatedDraft => ({
  enabled: m.enabled,
  bodies: { en: m.bodies.en ?? '', nl: m.bodies.nl ?? '', fr: m.bodies.fr ?? '' },
});

const BodySchema = AutomatedMessageInput.shape.bodies.valueType;

/** The body to send, with only the languages the admin wrote; and what is wrong with it. */
function parseDraft(draft: AutomatedDraft): { body: AutomatedMessageInput; issues: Issue[] } {
  const issues: Issue[] = [];
  const bodies: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGES) {
    // An empty text means "say the built-in one", not an empty message.
    if (draft.bodies[language].trim() === '') continue;
    const parsed = BodySchema.safeParse(draft.bodies[language]);
    if (parsed.success) bodies[language] = parsed.data;
    else issues.push(...parsed.error.issues.map((i) => ({ ...i, path: ['bodies', language, ...i.path] })));
  }
  return { body: { enabled: draft.enabled, bodies }, issues };
}

export const toAutomatedBody = (draft: AutomatedDraft): AutomatedMessageInput => parseDraft(draft).body;

export const AutomatedFormSchema: Schema<AutomatedDraft> = {
  safeParse: (data) => {
    const { issues } = parseDraft(data as AutomatedDraft);
    return issues.length === 0
      ? { success: true, data: data as AutomatedDraft }
      : { success: false, error: { issues } };
  },
};
