import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '@switchboard/protocol';
import { conversations, journeyActions, skills } from '../src/store/schema.js';
import { serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

// AG6: the customer summary the agent sees on accepting: profile, the conversation, pre-chat answers,
// the visitor's journey newest first, visitor details, context variables, links, recent cases, timeline.
const t = serverForFile();

async function setUp() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'bob', queues: ['Support'] },
    ],
  });
  const signIn = async (key: string) => {
    const { token } = await t.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
    return t.server.api(token);
  };
  return { org, ann: await signIn('ann'), bob: await signIn('bob') };
}

describe('the customer summary (AG6)', () => {
  it('shows a known customer whole, with their one active case linked', async () => {
    const { org, ann, bob } = await setUp();
    const acme = await ann.call('createAccount', { body: { name: 'Acme', category: 'Enterprise' } });
    const eve = await ann.call('createContact', {
      body: {
        name: 'Eve Janssen',
        email: 'eve-summary@x.example',
        jobTitle: 'Buyer',
        city: 'Utrecht',
        category: 'Gold',
        relationshipType: 'customer',
        preferredContactMethod: 'email',
        accountId: acme.id,
      },
    });
    const kase = await ann.call('createCase', { body: { title: 'Printer jams', contactId: eve.id } });
    const old = await ann.call('createCase', { body: { title: 'Old one', contactId: eve.id } });
    await ann.call('updateCase', { params: { id: old.id }, body: { status: 'resolved' } });

    const started = await t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: {
        prechat: { name: 'Eve', email: 'eve-summary@x.example', question: 'My printer jams again' },
        context: { plan: 'gold', seats: 12 },
      },
    });
    const id = started.conversation.id;
    // What the widget records (H3's journey routes write these rows): two actions and the visitor's details.
    const [skill] = await t.db.db.insert(skills).values({ orgId: org.orgId, name: 'Printers' }).returning();
    await t.db.db
      .update(conversations)
      .set({
        visitor: { browser: 'Firefox 128', os: 'Windows 11', city: 'Utrecht', country: 'Netherlands', language: 'nl' },
        skills: [{ skillId: skill!.id, proficiency: 3 }],
      })
      .where(eq(conversations.id, id));
    await t.db.db.insert(journeyActions).values([
      {
        orgId: org.orgId,
        conversationId: id,
        kind: 'page-visited',
        name: 'https://shop.example/printers',
        at: new Date(Date.now() - 60_000),
      },
      {
        orgId: org.orgId,
        conversationId: id,
        kind: 'search',
        name: 'paper jam',
        detail: { results: 3 },
        at: new Date(),
      },
    ]);
    await ann.call('setPresence', { body: { presence: 'available' } });
    await t.server.app.settled();
    const offer = (await ann.call('listOffers')).offers.find((o) => o.conversationId === id)!;
    await ann.call('acceptOffer', { params: { id: offer.id }, body: {} });

    const s = await ann.call('customerSummary', { params: { id } });
    expect(s.profile).toEqual({
      source: 'contact',
      name: 'Eve Janssen',
      accountName: 'Acme',
      jobTitle: 'Buyer',
      relationshipType: 'customer',
      city: 'Utrecht',
      category: 'Gold',
      preferredContactMethod: 'email',
      email: 'eve-summary@x.example',
      phone: null,
    });
    expect(s.conversation).toMatchObject({
      channel: 'webchat',
      state: 'active',
      queueName: 'Support',
      skills: ['Printers'],
      startedAt: expect.any(String),
    });
    expect(s.conversation.waitSeconds).toBeGreaterThanOrEqual(0);
    expect(s.conversation.acceptedAt).not.toBeNull();
    expect(s.prechat).toEqual([
      { question: 'Name', answer: 'Eve' },
      { question: 'Email', answer: 'eve-summary@x.example' },
      { question: 'Question', answer: 'My printer jams again' },
    ]);
    expect(s.journey.map((j) => `${j.kind}:${j.name}`)).toEqual([
      'search:paper jam',
      'page-visited:https://shop.example/printers',
    ]);
    expect(s.visitor).toEqual({
      authenticated: false,
      browser: 'Firefox 128',
      os: 'Windows 11',
      location: 'Utrecht, Netherlands',
      language: 'nl',
    });
    expect(s.context).toMatchObject({ plan: 'gold', seats: 12 });
    expect(s.links).toMatchObject({ contact: { id: eve.id }, account: { id: acme.id }, case: { id: kase.id } });
    expect(s.recentCases.map((c) => c.reference)).toEqual([old.reference, kase.reference]);
    expect(s.timeline.items.map((i) => i.kind)).toContain('conversation');

    // Only those who may read the conversation; an unknown one is not found.
    const refusal = await bob.call('customerSummary', { params: { id } }).catch((e: ApiCallError) => e);
    expect((refusal as ApiCallError).status).toBe(403);
    const missing = await ann
      .call('customerSummary', { params: { id: crypto.randomUUID() } })
      .catch((e: ApiCallError) => e);
    expect((missing as ApiCallError).status).toBe(404);
  });

  it('shows what the chat said of a customer it could not identify', async () => {
    const { org, ann } = await setUp();
    const started = await t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Nobody', email: 'nobody-summary@x.example', question: 'Hi' } },
    });
    // Without any matching contact the chat may make one (CH5); unlink it to see the conversation's own facts.
    await ann.call('setPresence', { body: { presence: 'available' } });
    await t.server.app.settled();
    const offer = (await ann.call('listOffers')).offers.find((o) => o.conversationId === started.conversation.id)!;
    await ann.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await ann.call('unlinkContact', { params: { id: started.conversation.id } });
    const s = await ann.call('customerSummary', { params: { id: started.conversation.id } });
    expect(s.profile).toMatchObject({ source: 'conversation', name: 'Nobody', email: 'nobody-summary@x.example' });
    expect(s.links).toEqual({ conversationId: started.conversation.id, contact: null, account: null, case: null });
    expect(s.recentCases).toEqual([]);
    expect(s.timeline).toEqual({ items: [], nextCursor: null });
    expect(s.journey).toEqual([]);
  });
});
