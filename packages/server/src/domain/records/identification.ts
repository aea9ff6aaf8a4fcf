import type { IdentificationRule, IdentityField } from '@switchboard/protocol';
import { toE164 } from '../contacts/phone.js';

/**
 * Pre-chat identification (CH1, CH5): the admin marks which answers identify the customer; the
 * conversation is linked to a contact (or account) only when every marked field of it matches
 * exactly one record. Matching is exact after one normal form per field: emails and names
 * ignore case and surrounding space, phone numbers compare in E.164 (domain/contacts/phone.ts).
 */

export type Criteria = { email?: string; phone?: string; name?: string };

/** What to look up: null for a record kind no rule names, or when a marked answer is missing. */
export type Lookup = { contact: Criteria | null; account: Criteria | null };

type Answers = Readonly<Record<string, string | boolean | undefined>>;

const KEY: Record<IdentityField, ['contact' | 'account', keyof Criteria]> = {
  'contact-email': ['contact', 'email'],
  'contact-phone': ['contact', 'phone'],
  'contact-name': ['contact', 'name'],
  'account-email': ['account', 'email'],
  'account-phone': ['account', 'phone'],
  'account-name': ['account', 'name'],
};

function normal(what: keyof Criteria, raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  if (what === 'phone') return toE164(text);
  return text.toLowerCase();
}

/** The criteria per record kind from the rules and the answers (built-in `name`, `email` and question ids). */
export function identificationLookup(rules: readonly IdentificationRule[], answers: Answers): Lookup {
  const out: { contact: Criteria | null | false; account: Criteria | null | false } = { contact: null, account: null };
  for (const rule of rules) {
    const [kind, what] = KEY[rule.field];
    if (out[kind] === false) continue;
    const raw = answers[rule.answer];
    const value = typeof raw === 'string' ? normal(what, raw) : null;
    // A marked field left empty (an optional question) cannot match: nothing of that kind is linked.
    if (value === null) out[kind] = false;
    else out[kind] = { ...(out[kind] || {}), [what]: value };
  }
  return { contact: out.contact || null, account: out.account || null };
}

export type Link = { contactId: string | null; accountId: string | null };

/**
 * The link from what the lookups found (at most two rows each is enough to know "more than one").
 * A matched contact brings its own account when no account rule decided one.
 */
export function identificationLink(found: {
  contacts: readonly { id: string; accountId: string | null }[] | null;
  accounts: readonly { id: string }[] | null;
}): Link {
  const contact = found.contacts?.length === 1 ? found.contacts[0]! : null;
  const account = found.accounts?.length === 1 ? found.accounts[0]! : null;
  const accountDecided = found.accounts !== null;
  return {
    contactId: contact?.id ?? null,
    accountId: account?.id ?? (accountDecided ? null : (contact?.accountId ?? null)),
  };
}
