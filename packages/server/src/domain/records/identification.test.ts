import { describe, expect, it } from 'vitest';
import type { IdentificationRule } from '@switchboard/protocol';
import { identificationLink, identificationLookup, type Lookup } from './identification.js';

const rule = (field: IdentificationRule['field'], answer: string): IdentificationRule => ({ field, answer });

describe('pre-chat identification: what is looked up (CH1, CH5)', () => {
  const cases: [string, IdentificationRule[], Record<string, string | boolean | undefined>, Lookup][] = [
    ['no rule: nothing', [], { email: 'a@b.c' }, { contact: null, account: null }],
    [
      'email, case and space ignored',
      [rule('contact-email', 'email')],
      { email: '  Ann@Example.COM ' },
      { contact: { email: 'ann@example.com' }, account: null },
    ],
    [
      'two contact fields together',
      [rule('contact-email', 'email'), rule('contact-name', 'name')],
      { email: 'a@b.c', name: 'Ann Lee' },
      { contact: { email: 'a@b.c', name: 'ann lee' }, account: null },
    ],
    [
      'a phone in E.164',
      [rule('contact-phone', 'phone')],
      { phone: '+31 6 1234 5678' },
      { contact: { phone: '+31612345678' }, account: null },
    ],
    [
      'an unusable phone cannot match',
      [rule('contact-phone', 'phone')],
      { phone: 'call me' },
      { contact: null, account: null },
    ],
    [
      'a marked field left empty: nothing of that kind',
      [rule('contact-email', 'email'), rule('contact-name', 'nick')],
      { email: 'a@b.c', nick: '  ' },
      { contact: null, account: null },
    ],
    [
      'contact and account apart',
      [rule('contact-email', 'email'), rule('account-name', 'company')],
      { email: 'a@b.c', company: 'Contoso' },
      { contact: { email: 'a@b.c' }, account: { name: 'contoso' } },
    ],
    [
      'a consent box (boolean) is no value',
      [rule('account-name', 'ok')],
      { ok: true },
      { contact: null, account: null },
    ],
  ];
  it.each(cases)('%s', (_name, rules, answers, expected) => {
    expect(identificationLookup(rules, answers)).toEqual(expected);
  });
});

describe('pre-chat identification: what is linked', () => {
  const c1 = { id: 'c1', accountId: 'a9' };
  const c2 = { id: 'c2', accountId: null };
  const cases: [string, Parameters<typeof identificationLink>[0], ReturnType<typeof identificationLink>][] = [
    ['exactly one contact, with its account', { contacts: [c1], accounts: null }, { contactId: 'c1', accountId: 'a9' }],
    ['no contact matches', { contacts: [], accounts: null }, { contactId: null, accountId: null }],
    ['two contacts match: nothing', { contacts: [c1, c2], accounts: null }, { contactId: null, accountId: null }],
    ['exactly one account', { contacts: null, accounts: [{ id: 'a1' }] }, { contactId: null, accountId: 'a1' }],
    [
      'two accounts: no account, not even the contact one',
      { contacts: [c1], accounts: [{ id: 'a1' }, { id: 'a2' }] },
      { contactId: 'c1', accountId: null },
    ],
    [
      'the account rule decides over the contact account',
      { contacts: [c1], accounts: [{ id: 'a1' }] },
      { contactId: 'c1', accountId: 'a1' },
    ],
    ['nothing looked up', { contacts: null, accounts: null }, { contactId: null, accountId: null }],
  ];
  it.each(cases)('%s', (_name, found, expected) => {
    expect(identificationLink(found)).toEqual(expected);
  });
});
