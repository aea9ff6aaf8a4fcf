import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Offer } from '@switchboard/protocol';
import { callbacks, conversations } from '../src/store/schema.js';
import { clientId, eventually, manualClock, serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

// From now: offers and notifications are delivered against the real time too.
const clock = manualClock();
const env = serverForFile({ clock });

/** A queue that takes one waiting chat; the next one is offered a callback (AG11). */
async function setup() {
  const org = await buildOrg(env.db.db, {
    queues: ['Callbacks'],
    users: [
      { key: 'ann', queues: ['Callbacks'], capacity: 2, presence: 'offline' },
      { key: 'ada', role: 'admin' },
    ],
    rules: (q) => [{ name: 'all', when: { kind: 'always' }, queues: [{ queueId: q('Callbacks'), percentage: 100 }] }],
  });
  const api = env.server.api;
  const login = async (key: string) =>
    (await api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;
  const admin = api(await login('ada'));
  const queueId = org.queueId('Callbacks');
  await admin.call('updateQueue', {
    params: { id: queueId },
    body: {
      name: (await admin.call('listQueues')).queues.find((q) => q.id === queueId)!.name,
      priority: 100,
      assignment: { kind: 'highest-capacity' },
      operatingHoursId: null,
      overflow: [
        {
          when: { kind: 'queue-size', limit: 1 },
          then: { kind: 'offer-callback', message: 'All our agents are busy: leave your number and we call you.' },
        },
      ],
      memberIds: [org.user('ann').id],
    },
  });
  const chat = async (question: string, locale: 'en' | 'nl' = 'en') => {
    const started = await api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve Visser', email: 'eve@x.example', question }, context: {}, locale },
    });
    return { ...started, visitor: api(started.token), id: started.conversation.id };
  };
  const rows = (conversationId: string) =>
    env.db.db
      .select()
      .from(callbacks)
      .where(and(eq(callbacks.orgId, org.orgId), eq(callbacks.sourceConversationId, conversationId)));
  return { org, admin, queueId, chat, rows, login };
}

async function agentOnline(s: Awaited<ReturnType<typeof setup>>) {
  const token = await s.login('ann');
  await env.socket(token).ready;
  const ann = env.server.api(token);
  await ann.call('setPresence', { body: { presence: 'available' } });
  return { ann };
}

describe('callbacks (AG11)', () => {
  it('an overflowing queue offers a callback; the request waits for its time, then an agent gets it with the details', async () => {
    const s = await setup();
    const first = await s.chat('first in line');
    expect(first.conversation.callback).toBeNull();
    const second = await s.chat('I need help with my bill');
    expect(second.conversation.state).toBe('closed');
    expect(second.conversation.callback).toEqual({ offered: true, request: null });

    const at = new Date(clock.now().getTime() + 3600_000).toISOString();
    const answer = await second.visitor.call('visitorCallback', {
      params: { id: second.id },
      body: { name: 'Eve Visser', phone: '+31 6 12345678', preferredAt: at, note: 'about invoice 42' },
    });
    expect(answer.request).toMatchObject({ phone: '+31612345678', state: 'scheduled', preferredAt: at, dueAt: at });
  });

  it('reads a number in the chat language’s country, and a request for now is queued at once', async () => {
    const s = await setup();
    await s.chat('first in line', 'nl');
    const second = await s.chat('bel me', 'nl');
    const answer = await second.visitor.call('visitorCallback', {
      params: { id: second.id },
      body: { name: 'Eve Visser', phone: '06 12345678' },
    });
    expect(answer.request).toMatchObject({ phone: '+31612345678', state: 'queued', preferredAt: null });
    const [row] = await s.rows(second.id);
    const [work] = await env.db.db.select().from(conversations).where(eq(conversations.id, row!.workConversationId!));
    expect(work).toMatchObject({ state: 'open', queueId: s.queueId, callbackId: row!.id, customerName: 'Eve Visser' });
    expect((await second.visitor.call('visitorConversation', { params: { id: second.id } })).callback).toMatchObject({
      offered: true,
      request: { state: 'queued' },
    });
  });

  it('at its time the request is routed like other work; the agent sees the details and can only add notes', async () => {
    const s = await setup();
    await s.chat('first in line');
    const second = await s.chat('call me');
    const at = new Date(clock.now().getTime() + 600_000).toISOString();
    await second.visitor.call('visitorCallback', {
      params: { id: second.id },
      body: { name: 'Eve Visser', phone: '+33612345678', email: 'eve@x.example', preferredAt: at, note: 'invoice' },
    });
    expect(await env.server.app.callbacks.sweepDue()).toBe(0);
    expect((await s.rows(second.id))[0]!.state).toBe('scheduled');

    clock.advance(600_000);
    expect(await env.server.app.callbacks.sweepDue()).toBeGreaterThanOrEqual(1);
    const [row] = await s.rows(second.id);
    expect(row).toMatchObject({ state: 'queued' });
    // Made once: a second sweep finds nothing more of it.
    await env.server.app.callbacks.sweepDue();
    const made = await env.db.db.select().from(conversations).where(eq(conversations.callbackId, row!.id));
    expect(made).toHaveLength(1);

    const { ann } = await agentOnline(s);
    const offer = await eventually(async () =>
      (await ann.call('listOffers')).offers.find((o: Offer) => o.conversationId === row!.workConversationId),
    );
    expect(offer.firstMessage).toBe('Call back Eve Visser (+33612345678, eve@x.example): invoice');
    await ann.call('acceptOffer', { params: { id: offer.id }, body: {} });
    const id = row!.workConversationId!;
    const detail = await ann.call('getConversation', { params: { id } });
    expect(detail.callbackId).toBe(row!.id);
    expect(detail.callback).toMatchObject({
      name: 'Eve Visser',
      phone: '+33612345678',
      email: 'eve@x.example',
      note: 'invoice',
      preferredAt: at,
      queueName: expect.any(String),
      sourceConversationId: second.id,
    });
    const trace = await s.admin.call('getRoutingTrace', { params: { id } });
    expect(trace.entries.flatMap((e) => e.steps).find((x) => x.step === 'queue')).toMatchObject({
      reason: `callback requested for ${at}`,
    });

    await expect(
      ann.call('sendMessage', {
        params: { id },
        body: { clientMessageId: clientId(), text: 'hello?', internal: false },
      }),
    ).rejects.toMatchObject({ status: 409, body: { message: expect.stringContaining('no chat') } });
    const note = await ann.call('sendMessage', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'called, no answer', internal: true },
    });
    expect(note.type).toBe('message');
    await ann.call('endConversation', { params: { id }, body: {} });
  });

  it('refuses a request the chat was not offered, a second one, and bad details, changing nothing', async () => {
    const s = await setup();
    const first = await s.chat('first in line');
    await expect(
      first.visitor.call('visitorCallback', { params: { id: first.id }, body: { name: 'Eve', phone: '+31612345678' } }),
    ).rejects.toMatchObject({ status: 409, body: { message: 'this chat was not offered a callback' } });
    expect(await s.rows(first.id)).toHaveLength(0);

    const second = await s.chat('call me');
    const refused = async (body: object, status: number, message: string) => {
      await expect(
        second.visitor.call('visitorCallback', { params: { id: second.id }, body: body as never }),
      ).rejects.toMatchObject({ status, body: { message: expect.stringContaining(message) } });
      expect(await s.rows(second.id)).toHaveLength(0);
    };
    await refused({ name: 'Eve' }, 400, 'give a phone number or an email address');
    await refused({ name: 'Eve', phone: '12' }, 400, 'is not a phone number');
    await refused({ name: '', phone: '+31612345678' }, 400, 'name is required');
    const now = clock.now().getTime();
    await refused(
      { name: 'Eve', phone: '+31612345678', preferredAt: new Date(now - 3600_000).toISOString() },
      400,
      'has passed',
    );
    await refused(
      { name: 'Eve', phone: '+31612345678', preferredAt: new Date(now + 15 * 86_400_000).toISOString() },
      400,
      '14 days',
    );

    await second.visitor.call('visitorCallback', {
      params: { id: second.id },
      body: { name: 'Eve', email: 'e@x.example' },
    });
    await expect(
      second.visitor.call('visitorCallback', {
        params: { id: second.id },
        body: { name: 'Eve', email: 'e@x.example' },
      }),
    ).rejects.toMatchObject({ status: 409, body: { message: 'a callback is already requested for this chat' } });
    expect(await s.rows(second.id)).toHaveLength(1);
  });

  it('a queue with callback requests cannot be removed', async () => {
    const s = await setup();
    await s.chat('first in line');
    const second = await s.chat('call me');
    await second.visitor.call('visitorCallback', {
      params: { id: second.id },
      body: { name: 'Eve', phone: '+31612345678', preferredAt: new Date(clock.now().getTime() + 60_000).toISOString() },
    });
    await expect(s.admin.call('deleteQueue', { params: { id: s.queueId } })).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('callback request') },
    });
  });
});
