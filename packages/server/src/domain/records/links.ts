import { DomainError } from '../errors.js';

/** What a conversation is linked to (AG9). */
export type Links = { contactId: string | null; accountId: string | null; caseId: string | null };
/** Whose a record is: a contact's (and its account), an account's. */
export type CaseOwner = { contactId: string | null; accountId: string | null };

const otherCustomer = (what: string) => new DomainError('invalid', `the ${what} belongs to another customer`);

/**
 * Linking a contact (AG9): its account comes with it when it has one; a case that is not this
 * contact's is let go; and a contact with exactly one active case gets it linked (AG6).
 * `activeCaseIds`: up to two of the contact's active cases.
 */
export function linksForContact(
  current: Links,
  contact: { id: string; accountId: string | null },
  currentCase: CaseOwner | null,
  activeCaseIds: readonly string[],
): Links {
  const sameContact = current.contactId === contact.id;
  const accountId = contact.accountId ?? (sameContact || current.contactId === null ? current.accountId : null);
  const keepCase =
    current.caseId !== null && currentCase !== null && caseFits(currentCase, { contactId: contact.id, accountId });
  const caseId = keepCase ? current.caseId : activeCaseIds.length === 1 ? activeCaseIds[0]! : null;
  return { contactId: contact.id, accountId, caseId };
}

/** A case fits the customer when it is the contact's, or (no contact on it) the account's. */
function caseFits(c: CaseOwner, customer: { contactId: string | null; accountId: string | null }): boolean {
  if (customer.contactId !== null) {
    if (c.contactId !== null) return c.contactId === customer.contactId;
    return c.accountId !== null && c.accountId === customer.accountId;
  }
  if (customer.accountId !== null) return c.accountId === customer.accountId;
  return true;
}

/**
 * Linking a case: it must be the linked customer's own (a case of another contact is refused). On a
 * conversation with no customer yet, the case brings its contact and account.
 */
export function linksForCase(current: Links, caseId: string, c: CaseOwner, contactAccountId: string | null): Links {
  const customer = {
    contactId: current.contactId,
    accountId: current.contactId ? contactAccountId : current.accountId,
  };
  if (!caseFits(c, customer)) throw otherCustomer('case');
  if (current.contactId === null && current.accountId === null)
    return { contactId: c.contactId, accountId: c.accountId, caseId };
  return { ...current, caseId };
}

/**
 * Linking an account: when the linked contact works at an account, only that one. A linked case
 * of another account is let go.
 */
export function linksForAccount(
  current: Links,
  accountId: string,
  contactAccountId: string | null,
  currentCase: CaseOwner | null,
): Links {
  if (current.contactId !== null && contactAccountId !== null && contactAccountId !== accountId)
    throw otherCustomer('account');
  const keepCase = currentCase !== null && caseFits(currentCase, { contactId: current.contactId, accountId });
  return { ...current, accountId, caseId: keepCase ? current.caseId : null };
}

/** How a case number is written: `CAS-01001`, `cas-1001` or `1001`; null when the text is none of these. */
export function parseCaseNumber(text: string): number | null {
  const m = /^(?:cas-?)?0*(\d{1,9})$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 && n <= 2_147_483_647 ? n : null;
}
