import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ApiCallError, type ConversationLinks } from '@switchboard/protocol';
import { accounts, cases, contacts, conversations, recordActivities, recordNotes } from '../src/store/schema.js';
import { eventually, serverForFile } from './support/harness.js';
import { makeClient, withKey } from './support/api-client-fixture.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// Records (AG9): contacts, accounts, cases and notes, scoped by organisation; links between a
// conversation and records with their rules (AG6 auto-link); the timeline (CV4).
const t = serverForFile();

async function team() {
  const spec = {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'bob', queues: ['Support'] },
      { key: 'sue', role: 'supervisor' as const },
      { key: 'ada', role: 'admin' as const },
    ],
  };
  const org = await buildOrg(t.db.db, spec);
  const signIn = async (key: string) => {
    const login = { email: org.user(key).email, password: PASSWORD };
    const { token } = await t.server.api().call('login', { body: login });
    return Object.assign(t.server.api(token), { token });
  };
  return {
    org,
    ann: await signIn('ann'),
    bob: await signIn('bob'),
    sue: await signIn('sue'),
    ada: await signIn('ada'),
  };
}

/** Every records row of the organisation: what a refused request must leave alone. */
async function recordRows(orgId: string) {
  const db = t.db.db;
  return JSON.stringify(
    await Promise.all([
      db.select().from(accounts).where(eq(accounts.orgId, orgId)).orderBy(asc(accounts.id)),
      db.select().from(contacts).where(eq(contacts.orgId, orgId)).orderBy(asc(contacts.id)),
      db.select().from(cases).where(eq(cases.orgId, orgId)).orderBy(asc(cases.id)),
      db.select().from(recordNotes).where(eq(recordNotes.orgId, orgId)).orderBy(asc(recordNotes.id)),
      db.select().from(recordActivities).where(eq(recordActivities.orgId, orgId)).orderBy(asc(recordActivities.id)),
      db
        .select({
          id: conversations.id,
          c: conversations.contactId,
          a: conversations.accountId,
          k: conversations.caseId,
        })
        .from(conversations)
        .where(eq(conversations.orgId, orgId))
        .orderBy(asc(conversations.id)),
    ]),
  );
}

async function refused(p: Promise<unknown>, status: number, message?: RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the request should have been refused').toBeInstanceOf(ApiCallError);
  expect((err as ApiCallError).status).toBe(status);
  if (message) expect((err as ApiCallError).message).toMatch(message);
}

async function startChat(org: BuiltOrg, email: string, name = 'Eve Customer') {
  const res = await t.server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name, email, question: 'My printer is broken' } },
  });
  return res.conversation.id;
}

describe('contacts and accounts (AG9)', () => {
  it('are created, read, changed and found by name, email, phone and external id', async () => {
    const { ann } = await team();
    const acme = await ann.call('createAccount', { body: { name: 'Acme Corp', externalId: 'ACC-1', city: 'Utrecht' } });
    const eve = await ann.call('createContact', {
      body: {
        name: 'Eve Janssen',
        email: 'Eve@Example.com',
        mobilePhone: '+31 6 1234 5678',
        externalId: 'CRM-77',
        jobTitle: 'Buyer',
        relationshipType: 'customer',
        preferredContactMethod: 'email',
        accountId: acme.id,
      },
    });
    expect(eve).toMatchObject({ mobilePhone: '+31612345678', accountId: acme.id, accountName: 'Acme Corp' });
    await ann.call('createContact', { body: { name: 'Evert Bakker' } });
    await ann.call('createContact', { body: { name: 'Zoe Smit', email: 'zoe@example.com' } });

    const names = async (q: string) => (await ann.call('listContacts', { query: { q } })).contacts.map((c) => c.name);
    expect(await names('eve')).toEqual(['Eve Janssen', 'Evert Bakker']);
    expect(await names('EVE@example')).toEqual(['Eve Janssen']);
    expect(await names('+31 6 12345678')).toEqual(['Eve Janssen']);
    expect(await names('0031612345678')).toEqual(['Eve Janssen']);
    expect(await names('CRM-77')).toEqual(['Eve Janssen']);
    expect(await names('nobody')).toEqual([]);

    // A page at a time, by name.
    const first = await ann.call('listContacts', { query: { limit: 2 } });
    expect(first.contacts.map((c) => c.name)).toEqual(['Eve Janssen', 'Evert Bakker']);
    const second = await ann.call('listContacts', { query: { limit: 2, cursor: first.nextCursor! } });
    expect(second).toMatchObject({ contacts: [{ name: 'Zoe Smit' }], nextCursor: null });

    const changed = await ann.call('updateContact', {
      params: { id: eve.id },
      body: { city: 'Gouda', jobTitle: null },
    });
    expect(changed).toMatchObject({ city: 'Gouda', jobTitle: null, name: 'Eve Janssen', email: 'Eve@Example.com' });

    const detail = await ann.call('getAccount', { params: { id: acme.id } });
    expect(detail.contacts.map((c) => c.name)).toEqual(['Eve Janssen']);
    expect((await ann.call('listAccounts', { query: { q: 'acme' } })).accounts.map((a) => a.id)).toEqual([acme.id]);
    expect((await ann.call('listAccounts', { query: { q: 'ACC-1' } })).accounts.map((a) => a.id)).toEqual([acme.id]);
    const renamed = await ann.call('updateAccount', { params: { id: acme.id }, body: { name: 'Acme BV' } });
    expect(renamed).toMatchObject({ name: 'Acme BV', city: 'Utrecht' });
  });

  it('refuse a bad phone, an unknown account and a taken external id, changing nothing', async () => {
    const { org, ann } = await team();
    await ann.call('createContact', { body: { name: 'Eve', externalId: 'X-1' } });
    const before = await recordRows(org.orgId);
    await refused(ann.call('createContact', { body: { name: 'Bob', mobilePhone: '12' } }), 400, /not a phone number/);
    await refused(ann.call('createContact', { body: { name: 'Bob', accountId: crypto.randomUUID() } }), 404, /account/);
    await refused(ann.call('createContact', { body: { name: 'Bob', externalId: 'X-1' } }), 409, /external id "X-1"/);
    await refused(ann.call('createContact', { body: { name: ' ' } }), 400, /name is required/);
    await refused(ann.call('createContact', { body: { name: 'Bob', email: 'nope' } }), 400);
    await refused(ann.call('listContacts', { query: { cursor: 'garbage' } }), 400, /cursor is not valid/);
    expect(await recordRows(org.orgId)).toBe(before);
  });
});

describe('cases (AG9)', () => {
  it('are numbered per organisation, take the contact account, and are found by number or title', async () => {
    const { ann, bob } = await team();
    const acme = await ann.call('createAccount', { body: { name: 'Acme' } });
    const eve = await ann.call('createContact', { body: { name: 'Eve', accountId: acme.id } });
    const one = await ann.call('createCase', { body: { title: 'Printer jams', contactId: eve.id, product: 'X200' } });
    expect(one).toMatchObject({
      number: 1001,
      reference: 'CAS-01001',
      status: 'active',
      priority: 'normal',
      accountId: acme.id,
      accountName: 'Acme',
      contactName: 'Eve',
      ownerName: expect.stringMatching(/^ann /),
    });
    const two = await bob.call('createCase', { body: { title: 'Invoice missing', priority: 'high' } });
    expect(two.reference).toBe('CAS-01002');
    const refs = async (q: Record<string, string>) =>
      (await ann.call('listCases', { query: q })).cases.map((c) => c.reference);
    expect(await refs({})).toEqual(['CAS-01002', 'CAS-01001']);
    expect(await refs({ q: 'CAS-01001' })).toEqual(['CAS-01001']);
    expect(await refs({ q: 'invoice' })).toEqual(['CAS-01002']);
    expect(await refs({ contactId: eve.id })).toEqual(['CAS-01001']);

    const resolved = await ann.call('updateCase', { params: { id: one.id }, body: { status: 'resolved' } });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(await refs({ status: 'active' })).toEqual(['CAS-01002']);
    const reopened = await ann.call('updateCase', { params: { id: one.id }, body: { status: 'active' } });
    expect(reopened.resolvedAt).toBeNull();
    const page = await ann.call('listCases', { query: { limit: 1 } });
    expect(page.cases.map((c) => c.reference)).toEqual(['CAS-01002']);
    const next = await ann.call('listCases', { query: { limit: 1, cursor: page.nextCursor! } });
    expect(next).toMatchObject({ cases: [{ reference: 'CAS-01001' }], nextCursor: null });
  });

  it('opened at the same moment get distinct consecutive numbers', async () => {
    const { ann, bob } = await team();
    const opened = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? ann : bob).call('createCase', { body: { title: `Case ${i}` } })),
    );
    expect(opened.map((c) => c.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => 1001 + i));
  });
});

describe('organisations are sealed for records (X3)', () => {
  it("answer another organisation's ids as not found and change nothing", async () => {
    const mine = await team();
    const theirs = await team();
    const acme = await mine.ann.call('createAccount', { body: { name: 'Acme' } });
    const eve = await mine.ann.call('createContact', { body: { name: 'Eve', accountId: acme.id } });
    const kase = await mine.ann.call('createCase', { body: { title: 'Mine', contactId: eve.id } });
    const chat = await startChat(mine.org, 'eve-sealed@x.example');
    const before = await recordRows(mine.org.orgId);
    const x = theirs.ada;
    await refused(x.call('getContact', { params: { id: eve.id } }), 404);
    await refused(x.call('updateContact', { params: { id: eve.id }, body: { name: 'Stolen' } }), 404);
    await refused(x.call('contactTimeline', { params: { id: eve.id }, query: {} }), 404);
    await refused(x.call('getAccount', { params: { id: acme.id } }), 404);
    await refused(x.call('updateAccount', { params: { id: acme.id }, body: { name: 'Stolen' } }), 404);
    await refused(x.call('accountTimeline', { params: { id: acme.id }, query: {} }), 404);
    await refused(x.call('getCase', { params: { id: kase.id } }), 404);
    await refused(x.call('updateCase', { params: { id: kase.id }, body: { status: 'cancelled' } }), 404);
    await refused(x.call('createCase', { body: { title: 'T', contactId: eve.id } }), 404);
    await refused(x.call('createContact', { body: { name: 'T', accountId: acme.id } }), 404);
    await refused(x.call('createNote', { body: { recordType: 'case', recordId: kase.id, body: 'hi' } }), 404);
    await refused(x.call('getConversationLinks', { params: { id: chat } }), 404);
    await refused(x.call('linkContact', { params: { id: chat }, body: { contactId: eve.id } }), 404);
    await refused(x.call('unlinkCase', { params: { id: chat } }), 404);
    await refused(x.call('customerSummary', { params: { id: chat } }), 404);
    // Their own conversation with my records: the records are not found.
    const theirChat = await startChat(theirs.org, 'other@x.example', 'Olga Other');
    await refused(x.call('linkCase', { params: { id: theirChat }, body: { caseId: kase.id } }), 404);
    await refused(x.call('linkAccount', { params: { id: theirChat }, body: { accountId: acme.id } }), 404);
    expect((await x.call('listContacts', { query: { q: 'eve' } })).contacts).toEqual([]);
    expect((await x.call('listCases', { query: {} })).cases).toEqual([]);
    expect(await recordRows(mine.org.orgId)).toBe(before);
  });
});

describe('links between a conversation and records (AG9, AG6)', () => {
  it("link a contact with its account and its one active case, refuse another customer's case", async () => {
    const { org, sue, ann } = await team();
    const acme = await ann.call('createAccount', { body: { name: 'Acme' } });
    const eve = await ann.call('createContact', { body: { name: 'Eve', accountId: acme.id } });
    const other = await ann.call('createContact', { body: { name: 'Otto' } });
    const evesCase = await ann.call('createCase', { body: { title: 'Printer jams', contactId: eve.id } });
    const ottosCase = await ann.call('createCase', { body: { title: 'Not Eve', contactId: other.id } });
    const chat = await startChat(org, 'unknown-links@x.example');

    const linked = await sue.call('linkContact', { params: { id: chat }, body: { contactId: eve.id } });
    expect(linked).toMatchObject({ contact: { id: eve.id }, account: { id: acme.id }, case: { id: evesCase.id } });

    const before = await recordRows(org.orgId);
    await refused(
      sue.call('linkCase', { params: { id: chat }, body: { caseId: ottosCase.id } }),
      400,
      /the case belongs to another customer/,
    );
    const otherAccount = await ann.call('createAccount', { body: { name: 'Globex' } });
    const mid = await recordRows(org.orgId);
    await refused(
      sue.call('linkAccount', { params: { id: chat }, body: { accountId: otherAccount.id } }),
      400,
      /the account belongs to another customer/,
    );
    await refused(sue.call('linkCase', { params: { id: chat }, body: { caseId: crypto.randomUUID() } }), 404);
    expect(await recordRows(org.orgId)).toBe(mid);
    expect(before).not.toBe(mid); // only the account created in between

    const unlinked = await sue.call('unlinkCase', { params: { id: chat } });
    expect(unlinked).toMatchObject({ contact: { id: eve.id }, case: null });
    const again = await sue.call('linkCase', { params: { id: chat }, body: { caseId: evesCase.id } });
    expect(again.case?.reference).toBe(evesCase.reference);
    expect(await sue.call('getConversationLinks', { params: { id: chat } })).toEqual(again);

    // Every change is on the timeline.
    const activities = await t.db.db
      .select()
      .from(recordActivities)
      .where(eq(recordActivities.conversationId, chat))
      .orderBy(asc(recordActivities.createdAt));
    expect(activities.map((a) => `${a.kind}:${(a.detail as { record: string }).record}`)).toEqual([
      'linked:contact',
      'linked:account',
      'linked:case',
      'unlinked:case',
      'linked:case',
    ]);
    expect(activities.every((a) => a.contactId === eve.id && a.actorId === org.user('sue').id)).toBe(true);
  });

  it('links the one active case when the chat starts with a known customer, none when there are two', async () => {
    const { ann, org } = await team();
    const acme = await ann.call('createAccount', { body: { name: 'Acme' } });
    const eve = await ann.call('createContact', {
      body: { name: 'Eve', email: 'eve-auto@x.example', accountId: acme.id },
    });
    const kase = await ann.call('createCase', { body: { title: 'Only one', contactId: eve.id } });
    await ann
      .call('createCase', { body: { title: 'Resolved already', contactId: eve.id } })
      .then((c) => ann.call('updateCase', { params: { id: c.id }, body: { status: 'resolved' } }));
    const chat = await startChat(org, 'eve-auto@x.example');
    const [row] = await t.db.db.select().from(conversations).where(eq(conversations.id, chat));
    expect(row).toMatchObject({ contactId: eve.id, accountId: acme.id, caseId: kase.id });

    await ann.call('createCase', { body: { title: 'Second active', contactId: eve.id } });
    const later = await startChat(org, 'eve-auto@x.example');
    const [second] = await t.db.db.select().from(conversations).where(eq(conversations.id, later));
    expect(second).toMatchObject({ contactId: eve.id, accountId: acme.id, caseId: null });
  });

  it("let only the conversation's agents, supervisors and admins link; a case opened in a chat is linked", async () => {
    const { org, ann, bob } = await team();
    await ann.call('setPresence', { body: { presence: 'available' } });
    const eve = await ann.call('createContact', { body: { name: 'Eve', email: 'eve-agent@x.example' } });
    const chat = await startChat(org, 'eve-agent@x.example');
    await t.server.app.settled();
    const offer = (await ann.call('listOffers')).offers.find((o) => o.conversationId === chat)!;
    await ann.call('acceptOffer', { params: { id: offer.id }, body: {} });
    const before = await recordRows(org.orgId);
    await refused(bob.call('unlinkContact', { params: { id: chat } }), 403, /only the agents working/);
    await refused(bob.call('createCase', { body: { title: 'Sneaky', conversationId: chat } }), 403);
    await refused(bob.call('customerSummary', { params: { id: chat } }), 403);
    expect(await recordRows(org.orgId)).toBe(before);

    // The agent's tabs hear of every link change of the conversation.
    const socket = t.socket(ann.token);
    await socket.ready;
    const kase = await ann.call('createCase', { body: { title: 'From the chat', conversationId: chat } });
    expect(kase).toMatchObject({ contactId: eve.id, reference: 'CAS-01001' });
    expect((await ann.call('getConversationLinks', { params: { id: chat } })).case?.id).toBe(kase.id);
    const heard = await eventually(() =>
      socket.of<ConversationLinks>('records:linked').find((l) => l.conversationId === chat && l.case?.id === kase.id),
    );
    expect(heard.contact?.id).toBe(eve.id);
  });
});

describe('the timeline (CV4)', () => {
  it("lists a contact's conversations, cases, notes, activities newest first, by kind, a page at a time", async () => {
    const { org, ann, sue } = await team();
    const acme = await ann.call('createAccount', { body: { name: 'Acme' } });
    const eve = await ann.call('createContact', {
      body: { name: 'Eve', email: 'eve-tl@x.example', accountId: acme.id },
    });
    const pause = () => new Promise((r) => setTimeout(r, 5));
    const kase = await ann.call('createCase', { body: { title: 'Printer', contactId: eve.id } });
    await pause();
    const chat = await startChat(org, 'eve-tl@x.example'); // links the one active case: an activity
    await pause();
    const note = await sue.call('createNote', {
      body: { recordType: 'contact', recordId: eve.id, body: 'Call after 10', conversationId: chat },
    });
    await pause();
    const caseNote = await ann.call('createNote', {
      body: { recordType: 'case', recordId: kase.id, body: 'Part ordered' },
    });
    expect(note).toMatchObject({ contactId: eve.id, conversationId: chat, authorName: expect.stringMatching(/^sue /) });

    const all = await ann.call('contactTimeline', { params: { id: eve.id }, query: {} });
    const keys = all.items.map((i) => `${i.kind}:${i.id}`);
    expect(keys.slice(0, 2)).toEqual([`note:${caseNote.id}`, `note:${note.id}`]);
    // The chat start and what it linked (the account, the one active case) share one instant.
    expect(
      keys
        .slice(2, 5)
        .map((k) => k.split(':')[0])
        .sort(),
    ).toEqual(['activity', 'activity', 'conversation']);
    expect(keys[5]).toBe(`case:${kase.id}`);
    const times = all.items.map((i) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const linkedCase = all.items.find((i) => i.kind === 'activity' && i.activity.detail.record === 'case');
    expect(linkedCase).toMatchObject({ activity: { kind: 'linked', summary: expect.stringContaining('CAS-01001') } });

    const notes = await ann.call('contactTimeline', { params: { id: eve.id }, query: { kinds: 'note,case' } });
    expect(notes.items.map((i) => i.kind)).toEqual(['note', 'note', 'case']);
    const onlyActivities = await ann.call('contactTimeline', { params: { id: eve.id }, query: { kinds: 'activity' } });
    expect(onlyActivities.items.map((i) => i.kind)).toEqual(['activity', 'activity']);
    const page1 = await ann.call('contactTimeline', { params: { id: eve.id }, query: { limit: 2 } });
    const page2 = await ann.call('contactTimeline', {
      params: { id: eve.id },
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    const page3 = await ann.call('contactTimeline', {
      params: { id: eve.id },
      query: { limit: 2, cursor: page2.nextCursor! },
    });
    expect([...page1.items, ...page2.items, ...page3.items].map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect(page3.nextCursor).toBeNull();

    // The account's timeline has its contacts' conversations and its cases.
    const account = await ann.call('accountTimeline', {
      params: { id: acme.id },
      query: { kinds: 'conversation,case' },
    });
    expect(account.items.map((i) => i.id)).toEqual([chat, kase.id]);

    await refused(ann.call('contactTimeline', { params: { id: eve.id }, query: { kinds: 'notes' } }), 400);
    await refused(ann.call('contactTimeline', { params: { id: eve.id }, query: { cursor: 'x' } }), 400);
    await refused(ann.call('createNote', { body: { recordType: 'contact', recordId: eve.id, body: '  ' } }), 400);
  });
});

describe('who may write records', () => {
  it('every staff role writes; an API client reads, and is refused writes', async () => {
    const { ada, org } = await team();
    expect((await ada.call('createContact', { body: { name: 'By the admin' } })).name).toBe('By the admin');
    const { secret } = await makeClient(ada);
    const read = await withKey(t.server.url, secret, 'GET', '/api/contacts?q=by');
    expect(read.status).toBe(200);
    const before = await recordRows(org.orgId);
    const write = await withKey(t.server.url, secret, 'POST', '/api/contacts', { body: { name: 'By a program' } });
    expect(write.status).toBe(403);
    expect(await recordRows(org.orgId)).toBe(before);
  });
});
