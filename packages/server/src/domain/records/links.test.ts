import { describe, expect, it } from 'vitest';
import { linksForAccount, linksForCase, linksForContact, parseCaseNumber, type Links } from './links.js';

// AG9 linking rules, AG6 auto-link of the one active case.
const none: Links = { contactId: null, accountId: null, caseId: null };

describe('linksForContact', () => {
  it('brings the contact account and its one active case', () => {
    expect(linksForContact(none, { id: 'c1', accountId: 'a1' }, null, ['k1'])).toEqual({
      contactId: 'c1',
      accountId: 'a1',
      caseId: 'k1',
    });
  });

  it('links no case when the contact has none or several active ones', () => {
    expect(linksForContact(none, { id: 'c1', accountId: null }, null, []).caseId).toBeNull();
    expect(linksForContact(none, { id: 'c1', accountId: null }, null, ['k1', 'k2']).caseId).toBeNull();
  });

  it("keeps a linked case that is the contact's own; lets another customer's go", () => {
    const now = { contactId: null, accountId: null, caseId: 'k9' };
    const own = { contactId: 'c1', accountId: null };
    expect(linksForContact(now, { id: 'c1', accountId: null }, own, ['k1', 'k2']).caseId).toBe('k9');
    const theirs = { contactId: 'c2', accountId: null };
    expect(linksForContact(now, { id: 'c1', accountId: null }, theirs, ['k1'])).toMatchObject({ caseId: 'k1' });
  });

  it('replacing the contact drops the old account when the new contact has none', () => {
    const now = { contactId: 'c0', accountId: 'a0', caseId: null };
    expect(linksForContact(now, { id: 'c1', accountId: null }, null, []).accountId).toBeNull();
  });
});

describe('linksForCase', () => {
  it('refuses a case of another customer', () => {
    const now = { contactId: 'c1', accountId: 'a1', caseId: null };
    expect(() => linksForCase(now, 'k', { contactId: 'c2', accountId: 'a1' }, 'a1')).toThrow(
      'the case belongs to another customer',
    );
    expect(() => linksForCase(now, 'k', { contactId: null, accountId: 'a2' }, 'a1')).toThrow(/another customer/);
  });

  it("takes the contact's case, or their account's case without a contact", () => {
    const now = { contactId: 'c1', accountId: 'a1', caseId: null };
    expect(linksForCase(now, 'k', { contactId: 'c1', accountId: 'a1' }, 'a1').caseId).toBe('k');
    expect(linksForCase(now, 'k', { contactId: null, accountId: 'a1' }, 'a1').caseId).toBe('k');
  });

  it('on a conversation without a customer the case brings its contact and account', () => {
    expect(linksForCase(none, 'k', { contactId: 'c1', accountId: 'a1' }, null)).toEqual({
      contactId: 'c1',
      accountId: 'a1',
      caseId: 'k',
    });
  });
});

describe('linksForAccount', () => {
  it("refuses an account other than the linked contact's own", () => {
    const now = { contactId: 'c1', accountId: 'a1', caseId: null };
    expect(() => linksForAccount(now, 'a2', 'a1', null)).toThrow('the account belongs to another customer');
    expect(linksForAccount(now, 'a1', 'a1', null).accountId).toBe('a1');
  });

  it('lets a contact without an account be linked to one; a case of another account goes', () => {
    const now = { contactId: null, accountId: 'a1', caseId: 'k' };
    expect(linksForAccount(now, 'a2', null, { contactId: null, accountId: 'a1' })).toEqual({
      contactId: null,
      accountId: 'a2',
      caseId: null,
    });
  });
});

describe('parseCaseNumber', () => {
  it.each([
    ['CAS-01001', 1001],
    ['cas-1001', 1001],
    ['1001', 1001],
    ['  CAS01002 ', 1002],
    ['printer', null],
    ['CAS-', null],
    ['0', null],
    ['99999999999', null],
  ])('%s -> %s', (text, n) => expect(parseCaseNumber(text)).toBe(n));
});
