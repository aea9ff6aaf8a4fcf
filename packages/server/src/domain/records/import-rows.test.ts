import { describe, expect, it } from 'vitest';
import { checkRow, readHeader, type Columns } from './import-rows.js';

// AG9 import: header names in any case and spelling, each row checked with a reason people can act on.
describe('readHeader', () => {
  it('reads header names in any case, with spaces, dashes or underscores', () => {
    expect(readHeader('contacts', ['Name', 'E-mail', 'Mobile Phone', 'job_title', 'ACCOUNT'])).toEqual({
      columns: { name: 0, email: 1, phone: 2, jobTitle: 3, account: 4 },
    });
    expect(readHeader('accounts', ['name', 'main phone', 'External ID'])).toEqual({
      columns: { name: 0, phone: 1, externalId: 2 },
    });
  });

  it('refuses a header without a name column, with one named twice, or an unknown one', () => {
    expect(readHeader('contacts', ['name', 'shoe size'])).toMatchObject({ error: /column "shoe size" is not one of/ });
    expect(readHeader('accounts', ['city'])).toEqual({ error: 'the header has no "name" column' });
    expect(readHeader('contacts', ['name', 'phone', 'mobile'])).toEqual({ error: 'column "mobile" is named twice' });
  });
});

describe('checkRow', () => {
  const columns = (
    readHeader('contacts', ['name', 'email', 'phone', 'relationship', 'account']) as { columns: Columns }
  ).columns;
  const row = (...fields: string[]) => checkRow('contacts', columns, { line: 7, fields });

  it('normalises a good row: phone in E.164, enums in lower case, blanks as none', () => {
    expect(row(' Ann ', 'ann@x.example', '+31 6 1234 5678', 'Customer', 'Acme')).toEqual({
      ok: true,
      line: 7,
      values: expect.objectContaining({
        name: 'Ann',
        email: 'ann@x.example',
        phone: '+31612345678',
        relationshipType: 'customer',
        account: 'Acme',
      }),
    });
    expect(row('Bob', '', '', '', '')).toMatchObject({ ok: true, values: { email: null, phone: null, account: null } });
  });

  it.each([
    [['', 'a@x.example', '', '', ''], 'name is missing'],
    [['Ann', 'not-an-email', '', '', ''], 'email "not-an-email" is not an email address'],
    [['Ann', '', '12', '', ''], 'phone "12" is not a phone number (write it with its country code)'],
    [
      ['Ann', '', '', 'friend', ''],
      'relationship type "friend" is not one of customer, prospect, partner, vendor, other',
    ],
    [['A'.repeat(201), '', '', '', ''], 'name is longer than 200 characters'],
    [['Ann\u0007', '', '', '', ''], 'name contains a control character'],
  ])('refuses %j: %s', (fields, reason) => {
    expect(row(...fields)).toEqual({ ok: false, line: 7, reason });
  });
});
