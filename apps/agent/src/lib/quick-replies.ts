import {
  QUICK_REPLY_PLACEHOLDERS,
  TemplateLanguage,
  renderTemplate,
  type QuickReply,
  type QuickReplyValues,
} from '@switchboard/protocol';

/** Most quick replies the `/` list shows at once: the agent narrows it down by typing. */
export const MAX_MATCHES = 8;

/** Where a `/` search starts in the composer's text, and what was typed after the slash. */
export type SlashQuery = { start: number; end: number; query: string };

/**
 * The `/` search the caret is in: a slash at the start of the text or after white space, followed
 * by at most a title's length of text on the same line ("and/or" and URLs open nothing).
 */
export function slashQuery(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('/');
  if (start < 0 || (start > 0 && !/\s/.test(before[start - 1]!))) return null;
  const query = before.slice(start + 1);
  if (query.length > 80 || /[\n\r]/.test(query) || query.startsWith(' ')) return null;
  return { start, end: caret, query };
}

// Case and accents do not matter: "/reponse" finds "Réponse".
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The quick replies whose title contains the query, those starting with it first, in list order otherwise. */
export function matchQuickReplies(replies: readonly QuickReply[], query: string): QuickReply[] {
  const q = fold(query.trim());
  const scored = replies.flatMap((reply) => {
    const at = fold(reply.title).indexOf(q);
    return at < 0 ? [] : [{ reply, first: at === 0 }];
  });
  return [...scored.filter((s) => s.first), ...scored.filter((s) => !s.first)]
    .slice(0, MAX_MATCHES)
    .map((s) => s.reply);
}

/** The text in the agent's language, else English, else the first language it is written in. */
export function bodyIn(reply: QuickReply, language: string): string {
  const bodies: Partial<Record<string, string>> = reply.bodies;
  const own = bodies[language.slice(0, 2)];
  if (own) return own;
  if (bodies.en) return bodies.en;
  return TemplateLanguage.options.map((l) => bodies[l]).find((b) => b !== undefined) ?? '';
}

/**
 * The composer's text with the `/query` replaced by the quick reply, placeholders filled in, and
 * where the caret goes after it. A value not known (a conversation without a queue) leaves its
 * placeholder as written, for the agent to see and fill in before sending.
 */
export function applyQuickReply(
  text: string,
  at: SlashQuery,
  reply: QuickReply,
  language: string,
  values: QuickReplyValues,
): { text: string; cursor: number } {
  const filled = renderTemplate(bodyIn(reply, language), values, QUICK_REPLY_PLACEHOLDERS);
  return { text: text.slice(0, at.start) + filled + text.slice(at.end), cursor: at.start + filled.length };
}
