import { toE164 } from '../contacts/phone.js';

/** What a record search looks for (AG9), read from what the person typed. */
export type SearchTerms = {
  /** Trimmed, lower-cased: names and emails are matched by their start, in any case. */
  text: string;
  /** Trimmed, as typed: external ids keep their case. */
  exact: string;
  /** The text as an E.164 number when it reads as a phone number, else null. */
  phone: string | null;
  /** It has an `@`: worth an email lookup. */
  email: boolean;
};

// A number as people write it: digits with spaces, dots, dashes, brackets, an optional leading +.
const PHONE_LIKE = /^\+?[\d\s().-]{6,}$/;

export function searchTerms(typed: string): SearchTerms {
  const exact = typed.trim();
  return {
    text: exact.toLowerCase(),
    exact,
    phone: PHONE_LIKE.test(exact) ? toE164(exact) : null,
    email: exact.includes('@'),
  };
}
