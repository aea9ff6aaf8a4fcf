import { z } from 'zod';

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** `api`: an API client (AD1), a program that calls the API with a key and never signs in with a password. */
export const Role = z.enum(['agent', 'supervisor', 'admin', 'api']);
export type Role = z.infer<typeof Role>;

/** The roles of people: they sign in with an email and a password. */
export const PersonRole = Role.exclude(['api']);
export type PersonRole = z.infer<typeof PersonRole>;

/** Base presences that routing understands (AG1). */
export const Presence = z.enum(['available', 'busy', 'busy-dnd', 'away', 'offline']);
export type Presence = z.infer<typeof Presence>;

/** Conversation lifecycle states (CV1). */
export const ConversationState = z.enum(['open', 'active', 'waiting', 'wrap-up', 'closed']);
export type ConversationState = z.infer<typeof ConversationState>;

/** How a conversation reached us: the widget's web chat, or a text to one of our SMS numbers (CH5). */
export const Channel = z.enum(['webchat', 'sms', 'custom']);
export type Channel = z.infer<typeof Channel>;

/** Every error response has this shape; `message` is meant for people. */
export const ApiError = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const Timestamp = z.iso.datetime({ offset: true });

const EARLIEST = Date.parse('1970-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
/**
 * An instant a request brings in to compare with stored times: ISO 8601 with an offset, from 1970 to
 * 9999 in UTC (an offset can carry year 0001 into year 0000, which PostgreSQL does not have).
 */
export const RequestInstant = Timestamp.refine((v) => {
  const t = Date.parse(v);
  return t >= EARLIEST && t <= LATEST;
}, 'a time between 1970 and 9999 (UTC)');

// ---- Request primitives (X3): what PostgreSQL and a person can hold ----

/** Largest value of a PostgreSQL `integer` column: request numbers that reach one stay at or under it. */
export const INT4_MAX = 2_147_483_647;

// NUL cannot be stored in PostgreSQL text or jsonb; the other C0 controls (and DEL) are invisible to a
// person and have no place in names or ids. Multi-line text keeps tab, line feed and carriage return.
/* eslint-disable no-control-regex -- finding control characters is the point */
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */
// Half of a surrogate pair, alone: JSON can carry it ("\ud800"), UTF-8 cannot encode it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

type TextOptions = {
  /** At least this many characters (after trimming, when `trim`); default 0. */
  min?: number;
  /** The message when shorter than `min`, e.g. "name is required". */
  minMessage?: string;
  /** Trim white space at both ends before the length checks; default true. */
  trim?: boolean;
};

/**
 * A codec, so the new rules hold for what a request brings in (decode) while a response made from
 * data stored before them still encodes: a name with a tab in it stays readable, not a 500.
 */
function text(max: number, controls: RegExp, opts: TextOptions) {
  const base = opts.trim === false ? z.string() : z.string().trim();
  const min = opts.min ?? 0;
  const atLeast = min > 0 ? base.min(min, opts.minMessage ?? `at least ${min} characters`) : base;
  return z.codec(atLeast.max(max, `at most ${max} characters`), z.string(), {
    decode: (s, payload) => {
      const control = controls.exec(s);
      if (control) {
        const what = control[0] === '\u0000' ? 'a NUL character' : 'a control character';
        const message = `contains ${what} (${codePoint(control[0])}) at position ${control.index}`;
        payload.issues.push({ code: 'custom', message, input: s });
      }
      const half = LONE_SURROGATE.exec(s);
      if (half) {
        const at = `(${codePoint(half[0])}) at position ${half.index}`;
        const message = `contains half of a surrogate pair ${at}: not valid Unicode`;
        payload.issues.push({ code: 'custom', message, input: s });
      }
      return s;
    },
    encode: (s) => s,
  });
}

/** A one-line text field (names, titles, ids a client picks): no control characters, valid Unicode, at most `max`. */
export const SingleLine = (max: number, opts: TextOptions = {}) => text(max, ANY_CONTROL, opts);

/** Text a person writes over several lines (messages, answers): tab and line breaks allowed, no other controls. */
export const MultiLine = (max: number, opts: TextOptions = {}) => text(max, CONTROL_BUT_LINES, opts);

/** An email address as typed (lower or upper case kept), bounded like the column that stores it. */
export const Email = z.email('is not an email address').max(320, 'at most 320 characters');
