import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ConversationEvent, Offer } from '@switchboard/protocol';
import { BUILT_IN_TEXTS } from '../src/domain/conversation/automated-messages.js';
import { automatedMessages, operatingHours, organizations, queues } from '../src/store/schema.js';
import { eventually, serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// Automated messages (CH6): an admin turns them on and words them per channel and language;
// the customer gets them, in their language, when their conversation waits, is taken, or ends.
const t = serverForFile();

async function signIn(org: BuiltOrg, key: string) {
  const { token } = await t.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  const socket = t.socket(token);
  await socket.ready;
  return { socket, api: t.server.api(token) };
}

async function chatOrg() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'], presence: 'available' },
      { key: 'ada', role: 'admin' },
    ],
  });
  return { org, admin: await signIn(org, 'ada') };
}

const startChat = (org: BuiltOrg, locale: 'en' | 'nl' | 'fr') =>
  t.server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name: 'Noor', email: 'noor@x.example', question: 'Pakket?' }, locale },
  });

const systemTexts = (events: ConversationEvent[]) =>
  events.flatMap((e) => (e.type === 'message' && e.message.kind === 'system' ? [e.message.text] : []));

describe('automated messages', () => {
  it('are listed for every channel and event, off, with their built-in texts; a save changes one', async () => {
    const { org, admin } = await chatOrg();
    const all = await admin.api.call('listAutomatedMessages', {});
    expect(all).toHaveLength(3 * 5);
    expect(all.every((m) => !m.enabled && m.updatedAt === null)).toBe(true);
    expect(all.find((m) => m.channel === 'sms' && m.trigger === 'assigned')?.defaults).toEqual(BUILT_IN_TEXTS.assigned);

    const saved = await admin.api.call('saveAutomatedMessage', {
      params: { channel: 'webchat', trigger: 'queued' },
      body: { enabled: true, bodies: { nl: 'Even geduld, {customerName}.' } },
    });
    expect(saved).toMatchObject({ channel: 'webchat', trigger: 'queued', enabled: true });
    const after = await admin.api.call('listAutomatedMessages', {});
    expect(after.filter((m) => m.enabled).map((m) => `${m.channel}/${m.trigger}`)).toEqual(['webchat/queued']);
    const rows = await t.db.db.select().from(automatedMessages).where(eq(automatedMessages.orgId, org.orgId));
    expect(rows).toHaveLength(1);
  });

  it('of one organisation never change another’s under the same channel and event', async () => {
    const one = await chatOrg();
    const two = await chatOrg();
    const params = { channel: 'sms', trigger: 'assigned' } as const;
    await one.admin.api.call('saveAutomatedMessage', { params, body: { enabled: true, bodies: { en: 'One' } } });
    await two.admin.api.call('saveAutomatedMessage', { params, body: { enabled: false, bodies: { fr: 'Deux' } } });
    const mine = (list: { channel: string; trigger: string }[]) =>
      list.find((m) => m.channel === 'sms' && m.trigger === 'assigned');
    expect(mine(await one.admin.api.call('listAutomatedMessages', {}))).toMatchObject({
      enabled: true,
      bodies: { en: 'One' },
    });
    expect(mine(await two.admin.api.call('listAutomatedMessages', {}))).toMatchObject({
      enabled: false,
      bodies: { fr: 'Deux' },
    });
  });

  it('refuse an unknown placeholder, channel or event, and an empty text, changing nothing', async () => {
    const { org, admin } = await chatOrg();
    const save = (params: object, body: object) =>
      admin.api.call('saveAutomatedMessage', { params: params as never, body: body as never });
    await expect(
      save({ channel: 'sms', trigger: 'queued' }, { enabled: true, bodies: { en: 'Hi {firstName}' } }),
    ).rejects.toMatchObject({ status: 400, body: { message: expect.stringContaining('{firstName}') } });
    await expect(save({ channel: 'fax', trigger: 'queued' }, { enabled: true, bodies: {} })).rejects.toMatchObject({
      status: 400,
    });
    await expect(save({ channel: 'sms', trigger: 'lunch' }, { enabled: true, bodies: {} })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      save({ channel: 'sms', trigger: 'queued' }, { enabled: true, bodies: { en: '' } }),
    ).rejects.toMatchObject({ status: 400, body: { message: expect.stringContaining('cannot be empty') } });
    const rows = await t.db.db.select().from(automatedMessages).where(eq(automatedMessages.orgId, org.orgId));
    expect(rows).toEqual([]);
  });

  it('tell a chat customer, in their language, that they wait, who took the chat, and that it ended', async () => {
    const { org, admin } = await chatOrg();
    for (const trigger of ['queued', 'assigned', 'agent-ended'] as const)
      await admin.api.call('saveAutomatedMessage', {
        params: { channel: 'webchat', trigger },
        body: { enabled: true, bodies: trigger === 'queued' ? { nl: 'Even geduld, {customerName}.' } : {} },
      });
    const ann = await signIn(org, 'ann');
    const chat = await startChat(org, 'nl');
    expect(systemTexts(chat.conversation.events)).toEqual(['Even geduld, Noor.']);

    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await ann.api.call('endConversation', { params: { id: offer.conversationId }, body: {} });
    const seen = await t.server.api(chat.token).call('visitorConversation', { params: { id: chat.conversation.id } });
    const agentName = org.user('ann').name;
    const [row] = await t.db.db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, org.orgId));
    expect(systemTexts(seen.events)).toEqual([
      'Even geduld, Noor.',
      BUILT_IN_TEXTS.assigned.nl.replace('{customerName}', 'Noor').replace('{agentName}', agentName),
      BUILT_IN_TEXTS['agent-ended'].nl.replace('{orgName}', row!.name),
    ]);
  });

  it('say the queue is closed instead of "waiting" outside its operating hours; off says nothing', async () => {
    const { org, admin } = await chatOrg();
    const [hours] = await t.db.db
      .insert(operatingHours)
      .values({ orgId: org.orgId, name: 'Never', timeZone: 'UTC', weekly: [], holidays: [] })
      .returning();
    await t.db.db.update(queues).set({ operatingHoursId: hours!.id }).where(eq(queues.orgId, org.orgId));
    const before = await startChat(org, 'fr');
    expect(systemTexts(before.conversation.events)).toEqual([]);

    for (const trigger of ['queued', 'outside-hours'] as const)
      await admin.api.call('saveAutomatedMessage', {
        params: { channel: 'webchat', trigger },
        body: { enabled: true, bodies: {} },
      });
    const chat = await startChat(org, 'fr');
    expect(systemTexts(chat.conversation.events)).toEqual([BUILT_IN_TEXTS['outside-hours'].fr]);
  });
});
