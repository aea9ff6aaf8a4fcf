import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent, Offer } from '@switchboard/protocol';
import { eq } from 'drizzle-orm';
import type { Database } from '../src/store/db.js';
import { users } from '../src/store/schema.js';
import {
  connectSocket,
  eventually,
  manualClock,
  openTestDatabase,
  startServer,
  type TestServer,
} from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

let db: Database;
let server: TestServer;
const clock = manualClock(new Date('2026-04-01T08:00:00Z'));
const closers: (() => void)[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  // Sweeps run only when the test calls them, against the injected clock.
  server = await startServer({ database: db, clock, env: { OFFER_SWEEP_MS: '60000' } });
});
afterAll(async () => {
  closers.forEach((c) => c());
  await server.close();
  await db.close();
});

async function signIn(org: Awaited<ReturnType<typeof buildOrg>>, key: string) {
  const { token } = await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  const api = server.api(token);
  const connect = async () => {
    const s = connectSocket(server.url, token);
    closers.push(() => s.close());
    await s.ready;
    return s;
  };
  return { token, api, connect, id: org.user(key).id, presence: async () => (await api.call('me')).presence };
}

const startChat = (org: { widgetId: string }, question: string) =>
  server
    .api()
    .call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'e@x.example', question } },
    });

/** Signs the agent in, connected, and gives them one accepted chat. */
async function withAcceptedChat(org: Awaited<ReturnType<typeof buildOrg>>, key: string) {
  const agent = await signIn(org, key);
  const socket = await agent.connect();
  const first = await startChat(org, 'one');
  const offer = await eventually(() => socket.of<Offer>('offer:new')[0]);
  await agent.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
  return { agent, socket, first };
}

// Read straight from the database: an API call is activity and would reset the idle time.
const presenceInDb = async (id: string) =>
  (await db.db.select({ p: users.presence }).from(users).where(eq(users.id, id)))[0]!.p;

describe('presence over time (AG1, injected clock)', () => {
  it('a return within 2.5 minutes restores the manual presence; later it is computed again', async () => {
    const org = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
    const ann = await signIn(org, 'ann');
    let socket = await ann.connect();
    expect(await ann.presence()).toBe('available'); // computed: nothing in use
    await ann.api.call('setPresence', { body: { presence: 'away' } });

    socket.close();
    await eventually(async () => (await ann.presence()) === 'offline');
    clock.advance(149_000);
    socket = await ann.connect();
    expect(await ann.presence()).toBe('away');

    socket.close();
    await eventually(async () => (await ann.presence()) === 'offline');
    clock.advance(151_000);
    await ann.connect();
    expect(await ann.presence()).toBe('available');
  });

  it('a manual presence lapses after the idle time', async () => {
    const org = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
    const ann = await signIn(org, 'ann');
    await ann.connect();
    await ann.api.call('setPresence', { body: { presence: 'busy-dnd' } });
    clock.advance(14 * 60_000);
    await server.app.presence.sweepIdle();
    expect(await presenceInDb(ann.id)).toBe('busy-dnd');
    clock.advance(60_000);
    await server.app.presence.sweepIdle();
    // Idle with a manual presence shows as away (the reference's system "inactive"), never available.
    expect(await presenceInDb(ann.id)).toBe('away');
  });
});

describe('wrap-up capacity and auto-close (RT1, injected clock)', () => {
  it('"release after" gives capacity back after the set time, and auto-close ends an idle wrap-up', async () => {
    const org = await buildOrg(db.db, {
      queues: ['Support'],
      users: [{ key: 'ann', queues: ['Support'], capacity: 1 }],
      workstream: { wrapUpBlocking: { kind: 'release-after', seconds: 60 }, autoCloseAfterMinutes: 10 },
    });
    const { agent: ann, socket, first } = await withAcceptedChat(org, 'ann');
    const start = (q: string) => startChat(org, q);
    await start('two');
    await ann.api.call('endConversation', { params: { id: first.conversation.id }, body: {} });
    await server.app.settled();
    expect(socket.of('offer:new')).toHaveLength(1);

    clock.advance(59_000);
    expect(await server.app.conversations.releaseDue()).toBe(0);
    clock.advance(1_000);
    expect(await server.app.conversations.releaseDue()).toBe(1);
    await eventually(() => socket.of<Offer>('offer:new')[1]);
    expect((await ann.api.call('getConversation', { params: { id: first.conversation.id } })).state).toBe('wrap-up');

    clock.advance(9 * 60_000);
    expect(await server.app.conversations.autoCloseDue()).toBe(1);
    const detail = await ann.api.call('getConversation', { params: { id: first.conversation.id } });
    expect(detail.state).toBe('closed');
    const last = detail.events.at(-1) as Extract<ConversationEvent, { type: 'state' }>;
    expect(last).toMatchObject({ type: 'state', from: 'wrap-up', to: 'closed', actor: { type: 'system' } });
  });
});

describe('end-of-day capacity profiles (RT1, injected clock)', () => {
  it("count the day's items until the day ends, then the agent is offered work again", async () => {
    clock.set(new Date('2026-04-02T22:00:00Z'));
    // Profiles only: no units, so presence follows the profile alone.
    const org = await buildOrg(db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'], capacity: 0 },
        { key: 'ada', role: 'admin' },
      ],
    });
    const admin = (await signIn(org, 'ada')).api;
    const profile = await admin.call('createCapacityProfile', {
      body: { name: 'Email', defaultLimit: 1, resetFrequency: 'end-of-day', blocksAssignment: true },
    });
    const { userId, ...routing } = (await admin.call('listAgents')).find((a) => a.id === org.user('ann').id)!.routing;
    await admin.call('updateAgentRouting', {
      params: { id: userId },
      body: { ...routing, capacityProfiles: [{ profileId: profile.id, customLimit: null }] },
    });
    const { id: wsId, ...ws } = (await admin.call('listWorkstreams'))[0]!;
    await admin.call('updateWorkstream', {
      params: { id: wsId },
      body: { ...ws, capacity: { kind: 'profiles', profileIds: [profile.id] }, wrapUpBlocking: { kind: 'never' } },
    });

    const { agent: ann, socket, first } = await withAcceptedChat(org, 'ann');
    const start = (q: string) => startChat(org, q);
    await ann.api.call('endConversation', { params: { id: first.conversation.id }, body: {} });
    const second = await start('two');
    await server.app.settled();
    // Ended, but an end-of-day profile keeps counting it: today's one item is used, and the agent shows
    // full: Busy (AG1), which the workstream allows, so only the profile holds the second chat back.
    expect(socket.of('offer:new')).toHaveLength(1);
    expect(await presenceInDb(ann.id)).toBe('busy');
    // The sweep runs over every organisation (other tests' agents too, on a shared database): what
    // it did to this one is that nothing changes before midnight.
    await server.app.presence.newDay();
    await server.app.settled();
    expect(socket.of('offer:new')).toHaveLength(1);
    expect(await presenceInDb(ann.id)).toBe('busy');

    // After midnight (UTC) the count starts again (the minute's sweep): the waiting chat is offered.
    clock.set(new Date('2026-04-03T00:01:00Z'));
    expect(await server.app.presence.newDay()).toBeGreaterThanOrEqual(1);
    expect((await eventually(() => socket.of<Offer>('offer:new')[1])).conversationId).toBe(second.conversation.id);
    expect(await presenceInDb(ann.id)).toBe('busy'); // today's one item is in use again
  });
});
