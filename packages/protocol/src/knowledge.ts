import { z } from 'zod';
import { Id, MultiLine, SingleLine, Timestamp, type Channel } from './common.js';
import { MAX_MESSAGE_BYTES } from './messages.js';

/**
 * Knowledge articles (AG9): written by admins in en, nl or fr, searched by staff full text with the
 * language's own stemming, and sent to a customer as a link to their public page (`/kb/<id>`) or as
 * text. Drafts are seen by admins only.
 */
export const KnowledgeLanguage = z.enum(['en', 'nl', 'fr']);
export type KnowledgeLanguage = z.infer<typeof KnowledgeLanguage>;

export const KnowledgeStatus = z.enum(['draft', 'published']);
export type KnowledgeStatus = z.infer<typeof KnowledgeStatus>;

export const KNOWLEDGE_LIMITS = { title: 200, keywords: 500, body: 20_000, query: 200 } as const;

/** What an admin writes; a new article is a draft until it is published. */
export const KnowledgeArticleInput = z.strictObject({
  language: KnowledgeLanguage,
  title: SingleLine(KNOWLEDGE_LIMITS.title, { min: 1, minMessage: 'an article needs a title' }),
  /** Words a customer might use that the text does not (weighted between title and body in search). */
  keywords: SingleLine(KNOWLEDGE_LIMITS.keywords).default(''),
  /** Plain text; a blank line starts a paragraph. */
  body: MultiLine(KNOWLEDGE_LIMITS.body, { min: 1, minMessage: 'an article needs a text' }),
});
export type KnowledgeArticleInput = z.input<typeof KnowledgeArticleInput>;

export const KnowledgeArticle = z.object({
  id: Id,
  language: KnowledgeLanguage,
  title: z.string(),
  keywords: z.string(),
  body: z.string(),
  status: KnowledgeStatus,
  authorName: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The public page a customer opens (only a published article shows there). */
  url: z.string(),
});
export type KnowledgeArticle = z.infer<typeof KnowledgeArticle>;

export const KnowledgeListQuery = z.object({
  language: KnowledgeLanguage.optional(),
  status: KnowledgeStatus.optional(),
  limit: z.coerce.number().int().min(1, 'limit is at least 1').max(200, 'limit is at most 200').default(100),
});
export type KnowledgeListQuery = z.input<typeof KnowledgeListQuery>;

export const KnowledgeSearchQuery = z.object({
  /** Web-search syntax: words, "a phrase", -not, or. */
  q: SingleLine(KNOWLEDGE_LIMITS.query, { min: 1, minMessage: 'type something to search for' }),
  /** Only articles in this language; without it each language is searched with its own stemming. */
  language: KnowledgeLanguage.optional(),
  limit: z.coerce.number().int().min(1, 'limit is at least 1').max(50, 'limit is at most 50').default(10),
});
export type KnowledgeSearchQuery = z.input<typeof KnowledgeSearchQuery>;

/**
 * One hit. `titleHtml` and `snippetHtml` are HTML: every character of the article is escaped and the
 * only markup is `<mark>…</mark>` around the words that matched, so a client may render them as is.
 */
export const KnowledgeHit = z.object({
  id: Id,
  language: KnowledgeLanguage,
  title: z.string(),
  titleHtml: z.string(),
  snippetHtml: z.string(),
  rank: z.number(),
  url: z.string(),
  updatedAt: Timestamp,
});
export type KnowledgeHit = z.infer<typeof KnowledgeHit>;

export const KnowledgeSearchResult = z.object({ hits: z.array(KnowledgeHit) });
export type KnowledgeSearchResult = z.infer<typeof KnowledgeSearchResult>;

/**
 * The longest text a message may carry on each kind of channel: web chat takes a message in full,
 * SMS as much as the smallest SMS provider carries (Twilio and Telesign: 1,600), a custom channel 4,096.
 * `channel-limits.test.ts` on the server holds every adapter to at least this.
 */
export function messageLimitFor(channel: Channel): { chars: number; bytes: number } {
  if (channel === 'sms') return { chars: 1600, bytes: MAX_MESSAGE_BYTES };
  if (channel === 'custom') return { chars: 4096, bytes: MAX_MESSAGE_BYTES };
  return { chars: MAX_MESSAGE_BYTES, bytes: MAX_MESSAGE_BYTES };
}

const utf8 = new TextEncoder();

/** `text` cut at a word to fit the limit, ending in "…" when cut. */
export function cutToLimit(text: string, limit: { chars: number; bytes: number }): string {
  const fits = (s: string) => s.length <= limit.chars && utf8.encode(s).length <= limit.bytes;
  if (fits(text)) return text;
  // Code points, so a cut never splits a surrogate pair.
  const points = Array.from(text);
  let end = Math.min(points.length, limit.chars - 1);
  while (end > 0 && !fits(`${points.slice(0, end).join('')}…`)) end -= Math.max(1, Math.ceil((end - 1) / 50));
  let head = points.slice(0, end).join('');
  const space = head.search(/\s\S*$/);
  if (space > head.length * 0.8) head = head.slice(0, space);
  return `${head.trimEnd()}…`;
}

/** The message "Send link" puts in the conversation: the title, then the public page. */
export const articleLinkMessage = (a: { title: string; url: string }) => `${a.title}\n${a.url}`;

/** The message "Send text" puts in the conversation: the title and the text, cut to what the channel takes. */
export const articleTextMessage = (a: { title: string; body: string }, channel: Channel) =>
  cutToLimit(`${a.title}\n\n${a.body}`, messageLimitFor(channel));
