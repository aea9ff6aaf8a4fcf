import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '@switchboard/protocol';
import { accounts, contacts } from '../src/store/schema.js';
import { serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

// AG9: the admin imports accounts and contacts from CSV, a chunk per call: good rows are imported,
// each bad row is answered with its file line and reason; a broken file or header changes nothing.
const t = serverForFile();

async function setUp() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ada', role: 'admin' },
      { key: 'ann', queues: ['Support'] },
    ],
  });
  const signIn = async (key: string) => {
    const { token } = await t.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
    return t.server.api(token);
  };
  return { org, ada: await signIn('ada'), ann: await signIn('ann') };
}

const rows = async (orgId: string) => ({
  accounts: await t.db.db.select().from(accounts).where(eq(accounts.orgId, orgId)).orderBy(asc(accounts.name)),
  contacts: await t.db.db.select().from(contacts).where(eq(contacts.orgId, orgId)).orderBy(asc(contacts.name)),
});

describe('CSV import of records (AG9)', () => {
  it('imports the good rows and reports each bad one with its line and reason', async () => {
    const { org, ada } = await setUp();
    const accountsCsv =
      'Name,External ID,City,Relationship Type\nAcme,ACC-1,Utrecht,Customer\n,ACC-2,Gouda,\n' +
      '"Globex, Inc",ACC-3,Lyon,partner\n';
    const a = await ada.call('importRecords', { body: { kind: 'accounts', csv: accountsCsv } });
    expect(a).toMatchObject({ imported: 2, failed: 1 });
    expect(a.results.map((r) => [r.line, r.ok, r.reason ?? null])).toEqual([
      [2, true, null],
      [3, false, 'name is missing'],
      [4, true, null],
    ]);

    const contactsCsv = [
      'name,email,mobile phone,job title,account,preferred contact method',
      'Eve Janssen,eve@acme.example,+31 6 1234 5678,Buyer,Acme,email',
      'Bad Mail,not-an-email,,,,',
      'Bad Phone,,12,,,',
      'Multi "line",,,"Head of\nPurchasing",ACC-3,',
      'Lost,,,,Initech,',
      'Odd,,,,,pigeon',
      '"Smit, Zoe",,,"Head of, Purchasing",ACC-3,',
    ].join('\r\n');
    const c = await ada.call('importRecords', { body: { kind: 'contacts', csv: contactsCsv } });
    expect(c).toMatchObject({ imported: 2, failed: 5 });
    expect(c.results.map((r) => [r.line, r.ok, r.reason ?? null])).toEqual([
      [2, true, null],
      [3, false, 'email "not-an-email" is not an email address'],
      [4, false, 'phone "12" is not a phone number (write it with its country code)'],
      // A quoted field may span lines; a job title may not: the record starts on line 5.
      [5, false, 'jobTitle contains a control character'],
      [7, false, 'no account has the name or external id "Initech"'],
      [8, false, 'preferred contact method "pigeon" is not one of any, email, phone, chat'],
      [9, true, null],
    ]);
    const stored = await rows(org.orgId);
    expect(stored.contacts.map((r) => [r.name, r.mobilePhone, r.jobTitle])).toEqual([
      ['Eve Janssen', '+31612345678', 'Buyer'],
      ['Smit, Zoe', null, 'Head of, Purchasing'],
    ]);
    const acme = stored.accounts.find((r) => r.name === 'Acme')!;
    const globex = stored.accounts.find((r) => r.name === 'Globex, Inc')!;
    expect(stored.contacts.map((r) => r.accountId)).toEqual([acme.id, globex.id]);
    expect(c.results[0]!.id).toBe(stored.contacts[0]!.id);
  });

  it('numbers lines from firstLine for later chunks, and updates a record whose external id it knows', async () => {
    const { org, ada } = await setUp();
    await ada.call('importRecords', { body: { kind: 'accounts', csv: 'name,external id,city\nAcme,A1,Utrecht\n' } });
    const later = await ada.call('importRecords', {
      body: {
        kind: 'accounts',
        csv: 'name,external id,city\nAcme BV,A1,Gouda\nGlobex,A2,\nTwice,A2,\n',
        firstLine: 1001,
      },
    });
    expect(later.results.map((r) => [r.line, r.ok, r.reason ?? null])).toEqual([
      [1001, true, null],
      [1002, true, null],
      [1003, false, 'external id "A2" is on line 1002 too'],
    ]);
    const stored = await rows(org.orgId);
    expect(stored.accounts.map((r) => [r.name, r.externalId, r.city])).toEqual([
      ['Acme BV', 'A1', 'Gouda'],
      ['Globex', 'A2', null],
    ]);
  });

  it('refuses a broken file, a bad header, a too large chunk, and anyone but an admin, changing nothing', async () => {
    const { org, ada, ann } = await setUp();
    const before = JSON.stringify(await rows(org.orgId));
    const refusal = async (p: Promise<unknown>) => {
      const err = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ApiCallError);
      return err as ApiCallError;
    };
    const unclosed = await refusal(ada.call('importRecords', { body: { kind: 'contacts', csv: 'name\nAnn\n"Bob\n' } }));
    expect([unclosed.status, unclosed.message]).toEqual([400, 'line 3: a quoted field is not closed']);
    const header = await refusal(
      ada.call('importRecords', { body: { kind: 'contacts', csv: 'email\nann@x.example\n' } }),
    );
    expect([header.status, header.message]).toEqual([400, 'header: the header has no "name" column']);
    const unknown = await refusal(
      ada.call('importRecords', { body: { kind: 'accounts', csv: 'name,colour\nA,red\n' } }),
    );
    expect(unknown.message).toMatch(/column "colour" is not one of/);
    const big = await refusal(
      ada.call('importRecords', { body: { kind: 'accounts', csv: `name\n${'x,'.repeat(1_000_001)}` } }),
    );
    expect(big.status).toBe(400);
    const agent = await refusal(ann.call('importRecords', { body: { kind: 'accounts', csv: 'name\nA\n' } }));
    expect(agent.status).toBe(403);
    expect(JSON.stringify(await rows(org.orgId))).toBe(before);
  });
});
