import {
  TemplateLanguage,
  type MessageTemplate,
  type NewOutboundJob,
  type OutboundChannel,
} from '@switchboard/protocol';
import { numbersFromText } from './recipient-numbers';

export const LANGUAGES = TemplateLanguage.options;
export type Language = (typeof LANGUAGES)[number];

/** The send dialog as the agent fills it in (CH6); numbers as typed, a CSV's numbers one per line. */
export type OutboundDraft = {
  channelId: string;
  templateId: string;
  language: Language | '';
  kind: 'numbers' | 'contacts';
  numbers: string;
  search: string;
};

export const blankOutbound = (): OutboundDraft => ({
  channelId: '',
  templateId: '',
  language: '',
  kind: 'numbers',
  numbers: '',
  search: '',
});

/** The text of a template in a language, when it is written in that one. */
export function bodyOf(template: MessageTemplate | undefined, language: Language | ''): string | undefined {
  if (!template || !language) return undefined;
  const bodies: Partial<Record<Language, string>> = template.bodies;
  return bodies[language]?.trim() ? bodies[language] : undefined;
}

/** The languages a template is written in, in the protocol's order. */
export const languagesOf = (template: MessageTemplate | undefined): Language[] =>
  LANGUAGES.filter((l) => bodyOf(template, l) !== undefined);

/**
 * The draft as it is sent: the only channel when there is one, and a language the template has —
 * the one chosen, else the agent's own, else the template's first — so another template never
 * keeps a language it lacks.
 */
export function resolveDraft(
  draft: OutboundDraft,
  channels: readonly OutboundChannel[],
  template: MessageTemplate | undefined,
  ownLanguage: string,
): OutboundDraft {
  const channelId = draft.channelId || (channels.length === 1 ? channels[0]!.id : '');
  const languages = languagesOf(template);
  const has = (l: string): l is Language => (languages as string[]).includes(l);
  const language = has(draft.language) ? draft.language : has(ownLanguage) ? ownLanguage : (languages[0] ?? '');
  return { ...draft, channelId, language };
}

/** The job to start, or null while something it needs is missing. */
export function toOutboundJob(draft: OutboundDraft): NewOutboundJob | null {
  const { channelId, templateId, language } = draft;
  if (!channelId || !templateId || !language) return null;
  if (draft.kind === 'contacts') {
    const search = draft.search.trim();
    return search ? { channelId, templateId, language, recipients: { kind: 'contacts', search } } : null;
  }
  const numbers = numbersFromText(draft.numbers);
  return numbers.length ? { channelId, templateId, language, recipients: { kind: 'numbers', numbers } } : null;
}
