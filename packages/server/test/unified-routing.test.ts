import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer, TraceStep, Workstream } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { widgets } from '../src/store/schema.js';
import { connectSocket, eventually, openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type OrgSpec } from './support/org-builder.js';

let db: Database;
let server: TestServer;
const closers: (() => void)[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db });
});
afterAll(async () => {
  closers.forEach((c) => c());
  await server.close();
  await db.close();
});

async function setup(spec: Omit<OrgSpec, 'users'> & { users: OrgSpec['users'] }, on: TestServer = server) {
  const org = await buildOrg(db.db, { ...spec, users: [...spec.users, { key: 'ada', role: 'admin' }] });
  const login = async (key: string) =>
    (await on.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;
  const admin = on.api(await login('ada'));
  const [ws] = await admin.call('listWorkstreams');
  async function configure(patch: Partial<Workstream>) {
    const { id, ...current } = (await admin.call('listWorkstreams')).find((w) => w.id === ws!.id)!;
    return admin.call('updateWorkstream', { params: { id }, body: { ...current, ...patch } });
  }
  async function agent(key: string, presence: 'available' | 'away' = 'available', node: TestServer = on) {
    const token = await login(key);
    const socket = connectSocket(node.url, token);
    closers.push(() => socket.close());
    await socket.ready;
    await node.api(token).call('setPresence', { body: { presence } });
    return { token, socket, api: node.api(token), id: org.user(key).id };
  }
  const chat = (
    question: string,
    context: Record<string, string> = {},
    widgetId = org.widgetId,
    node: TestServer = on,
  ) =>
    node
      .api()
      .call('startChat', {
        params: { widgetId },
        body: { prechat: { name: 'Eve', email: 'eve@x.example', question }, context },
      });
  return { org, admin, ws: ws!, configure, agent, chat };
}

const offersOf = (a: { socket: { of<T>(e: string): T[] } }) => a.socket.of<Offer>('offer:new');
const queueStep = (steps: TraceStep[]) =>
  steps.find((s): s is Extract<TraceStep, { step: 'queue' }> => s.step === 'queue');

describe('unified routing through the API', () => {
  it('routes by rules on a context variable and a pre-chat answer, matches skills exactly, and explains it in the trace', async () => {
    const s = await setup({
      queues: ['General', 'VIP', 'Sales'],
      users: [
        { key: 'fr8', queues: ['VIP'], capacity: 3 },
        { key: 'fr3', queues: ['VIP'], capacity: 3 },
        { key: 'sal', queues: ['Sales'] },
        { key: 'gen', queues: ['General'] },
      ],
    });
    const french = await s.admin.call('createSkill', { body: { name: 'French', type: 'Language' } });
    for (const [key, level] of [
      ['fr8', 8],
      ['fr3', 3],
    ] as const) {
      const current = (await s.admin.call('listAgents')).find((a) => a.id === s.org.user(key).id)!.routing;
      await s.admin.call('updateAgentRouting', {
        params: { id: s.org.user(key).id },
        body: { ...current, userId: undefined, skills: [{ skillId: french.id, proficiency: level }] } as never,
      });
    }
    const vip = s.org.queueId('VIP');
    await s.admin.call('updateQueue', {
      params: { id: vip },
      body: {
        name: 'VIP',
        priority: 1,
        assignment: { kind: 'round-robin' },
        operatingHoursId: null,
        overflow: [],
        memberIds: [s.org.user('fr8').id, s.org.user('fr3').id],
      },
    });
    await s.configure({
      skillMatching: 'exact',
      classification: [
        {
          name: 'Language',
          rules: [
            {
              name: 'French speakers',
              when: { kind: 'compare', field: 'context.lang', operator: 'equals', value: 'fr' },
              set: { skills: [{ skillId: french.id, proficiency: 5 }] },
            },
          ],
        },
      ],
      routeToQueue: [
        {
          name: 'Gold customers',
          when: { kind: 'compare', field: 'context.tier', operator: 'equals', value: 'gold' },
          queues: [{ queueId: vip, percentage: 100 }],
        },
        {
          name: 'Buying',
          when: { kind: 'compare', field: 'prechat.question', operator: 'contains', value: 'price' },
          queues: [{ queueId: s.org.queueId('Sales'), percentage: 100 }],
        },
      ],
      fallbackQueueId: s.org.queueId('General'),
    });
    const fr8 = await s.agent('fr8');
    const fr3 = await s.agent('fr3');
    const sal = await s.agent('sal');
    const gen = await s.agent('gen');

    const gold = await s.chat('Bonjour', { tier: 'gold', lang: 'fr' });
    expect((await eventually(() => offersOf(fr8)[0])).conversationId).toBe(gold.conversation.id);
    const buying = await s.chat('What is the price of X?');
    expect((await eventually(() => offersOf(sal)[0])).conversationId).toBe(buying.conversation.id);
    const other = await s.chat('Hello');
    expect((await eventually(() => offersOf(gen)[0])).conversationId).toBe(other.conversation.id);
    await server.app.settled();
    expect(offersOf(fr3)).toHaveLength(0);

    // RT5: the trace says which rules matched, why this queue, and why each agent was or was not chosen.
    const trace = await s.admin.call('getRoutingTrace', { params: { id: gold.conversation.id } });
    const steps = trace.entries.flatMap((e) => e.steps);
    expect(steps.find((x) => x.step === 'classification')).toMatchObject({
      ruleset: 'Language',
      matchedRule: 'French speakers',
    });
    expect(queueStep(steps)).toMatchObject({ queueId: vip, queueName: 'VIP', matchedRule: 'Gold customers' });
    const assignment = steps.find((x): x is Extract<TraceStep, { step: 'assignment' }> => x.step === 'assignment')!;
    expect(assignment).toMatchObject({ strategy: 'round-robin', agentId: fr8.id, outcome: 'offered' });
    expect(assignment.considered.find((c) => c.agentId === fr3.id)).toMatchObject({
      chosen: false,
      reason: expect.stringMatching(/skill/i),
    });
    expect(
      queueStep(
        (await s.admin.call('getRoutingTrace', { params: { id: other.conversation.id } })).entries.flatMap(
          (e) => e.steps,
        ),
      )!.reason,
    ).toMatch(/fallback/);

    // Round robin inside VIP (no language asked): the agent without a VIP assignment yet goes first, then the other.
    const g2 = await s.chat('Hi', { tier: 'gold' });
    expect((await eventually(() => offersOf(fr3)[0])).conversationId).toBe(g2.conversation.id);
    const g3 = await s.chat('Hi again', { tier: 'gold' });
    expect((await eventually(() => offersOf(fr8)[1])).conversationId).toBe(g3.conversation.id);
  });

  it('a change saved on one node is used by the next decision on another (RT6)', async () => {
    const nodeB = await startServer({ database: db });
    closers.push(() => void nodeB.close());
    const s = await setup({ queues: ['Support', 'Sales'], users: [{ key: 'ann', queues: ['Sales'] }] });
    const ann = await s.agent('ann', 'available', nodeB);
    const before = await s.chat('anything', {}, s.org.widgetId, nodeB);
    await nodeB.app.settled();
    expect(offersOf(ann)).toHaveLength(0);
    const saved = Date.now();
    await s.configure({
      routeToQueue: [
        {
          name: 'Everything to Sales',
          when: { kind: 'always' },
          queues: [{ queueId: s.org.queueId('Sales'), percentage: 100 }],
        },
      ],
    });
    const after = await s.chat('anything', {}, s.org.widgetId, nodeB);
    const offer = await eventually(() => offersOf(ann)[0], 1000);
    expect(offer.conversationId).toBe(after.conversation.id);
    expect(Date.now() - saved).toBeLessThan(1000);
    expect(
      queueStep(
        (await s.admin.call('getRoutingTrace', { params: { id: after.conversation.id } })).entries.flatMap(
          (e) => e.steps,
        ),
      )!.matchedRule,
    ).toBe('Everything to Sales');
    expect(before.conversation.state).toBe('open');
  });

  it('pick mode: agents take open items of their queues with the same conditional write', async () => {
    const s = await setup({
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'ben', queues: ['Support'] },
        { key: 'out', queues: [] },
      ],
    });
    await s.configure({ distribution: 'pick' });
    const ann = await s.agent('ann');
    const ben = await s.agent('ben');
    const out = await s.agent('out');
    const chat = await s.chat('pick me');
    await server.app.settled();
    expect(offersOf(ann)).toHaveLength(0);
    expect((await ann.api.call('listPickable')).conversations.map((c) => c.id)).toEqual([chat.conversation.id]);
    expect((await out.api.call('listPickable')).conversations).toEqual([]);
    await expect(
      out.api.call('pickConversation', { params: { id: chat.conversation.id }, body: {} }),
    ).rejects.toMatchObject({ status: 403 });

    const [a, b] = await Promise.allSettled([
      ann.api.call('pickConversation', { params: { id: chat.conversation.id }, body: {} }),
      ben.api.call('pickConversation', { params: { id: chat.conversation.id }, body: {} }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const loser = a.status === 'rejected' ? a : (b as PromiseRejectedResult);
    expect(loser.reason).toMatchObject({ status: 409 });
    const winner = a.status === 'fulfilled' ? ann : ben;
    const ongoing = await winner.api.call('listConversations', { query: { scope: 'ongoing' } });
    expect(ongoing.conversations.map((c) => [c.id, c.state, c.acceptedAt !== null])).toEqual([
      [chat.conversation.id, 'active', true],
    ]);
  });

  it("pick mode applies the workstream's allowed presences and takes work from agents only (list and pick)", async () => {
    const s = await setup({
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'sue', role: 'supervisor', queues: ['Support'] },
      ],
    });
    await s.configure({ distribution: 'pick' });
    const ann = await s.agent('ann', 'away');
    const sue = await s.agent('sue');
    const chat = await s.chat('pick me');
    await server.app.settled();
    const pick = (who: typeof ann) =>
      who.api.call('pickConversation', { params: { id: chat.conversation.id }, body: {} });

    // Away: the list is empty and a pick is refused, in words, changing nothing.
    expect((await ann.api.call('listPickable')).conversations).toEqual([]);
    await expect(pick(ann)).rejects.toMatchObject({
      status: 409,
      body: { message: 'your presence Away does not allow taking work from workstream Chat' },
    });
    // A supervisor in the queue monitors; they do not take work (push never offers them any either).
    expect((await sue.api.call('listPickable')).conversations).toEqual([]);
    await expect(pick(sue)).rejects.toMatchObject({
      status: 403,
      body: { message: 'only agents take work from queues; a supervisor does not' },
    });
    expect((await s.admin.call('getRoutingTrace', { params: { id: chat.conversation.id } })).state).toBe('open');

    // A presence the workstream allows (Away added): the same agent sees it and takes it.
    await s.configure({ allowedPresences: ['available', 'busy', 'away'] });
    expect((await ann.api.call('listPickable')).conversations.map((c) => c.id)).toEqual([chat.conversation.id]);
    await pick(ann);
    expect(
      (await ann.api.call('listConversations', { query: { scope: 'ongoing' } })).conversations.map((c) => c.state),
    ).toEqual(['active']);
  });

  it('a pick at the session limit is refused in words, with capacity to spare; nothing changes', async () => {
    const s = await setup({ queues: ['Support'], users: [{ key: 'ann', queues: ['Support'], capacity: 5 }] });
    await s.configure({ distribution: 'pick' });
    await s.admin.call('updateRoutingSettings', {
      body: { defaultPresence: 'available', idleMinutes: 15, sessionLimit: 1 },
    });
    const ann = await s.agent('ann');
    const first = await s.chat('one');
    const second = await s.chat('two');
    await server.app.settled();
    const pick = (id: string) => ann.api.call('pickConversation', { params: { id }, body: {} });
    await pick(first.conversation.id);
    await expect(pick(second.conversation.id)).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('your capacity or session limit is full') },
    });
    expect((await s.admin.call('getRoutingTrace', { params: { id: second.conversation.id } })).state).toBe('open');
    expect((await ann.api.call('me')).usedCapacity).toBe(1);
  });

  it('overflow before queueing: a full queue transfers, a closed queue sends a message and ends', async () => {
    const s = await setup({ queues: ['Small', 'Overflow', 'Night'], users: [] });
    const hours = await s.admin.call('createOperatingHours', {
      body: { name: 'Never', timeZone: 'UTC', weekly: [], holidays: [] },
    });
    await s.admin.call('updateQueue', {
      params: { id: s.org.queueId('Small') },
      body: {
        name: 'Small',
        priority: 100,
        assignment: { kind: 'highest-capacity' },
        operatingHoursId: null,
        overflow: [
          { when: { kind: 'queue-size', limit: 1 }, then: { kind: 'transfer', queueId: s.org.queueId('Overflow') } },
        ],
        memberIds: [],
      },
    });
    await s.admin.call('updateQueue', {
      params: { id: s.org.queueId('Night') },
      body: {
        name: 'Night',
        priority: 100,
        assignment: { kind: 'highest-capacity' },
        operatingHoursId: hours.id,
        overflow: [
          {
            when: { kind: 'outside-hours' },
            then: { kind: 'message-and-end', message: 'We are closed. Please come back tomorrow.' },
          },
        ],
        memberIds: [],
      },
    });
    await s.configure({
      routeToQueue: [
        {
          name: 'night',
          when: { kind: 'compare', field: 'context.shift', operator: 'equals', value: 'night' },
          queues: [{ queueId: s.org.queueId('Night'), percentage: 100 }],
        },
        {
          name: 'small',
          when: { kind: 'compare', field: 'context.shift', operator: 'not-exists' },
          queues: [{ queueId: s.org.queueId('Small'), percentage: 100 }],
        },
      ],
    });
    const first = await s.chat('one');
    const second = await s.chat('two');
    const queueOf = async (id: string) =>
      (await s.admin.call('getRoutingTrace', { params: { id } })).entries.flatMap((e) => e.steps);
    expect(queueStep(await queueOf(first.conversation.id))!.queueName).toBe('Small');
    const steps = await queueOf(second.conversation.id);
    expect(steps.find((x) => x.step === 'overflow')).toMatchObject({
      action: { kind: 'transfer', queueId: s.org.queueId('Overflow') },
    });

    const night = await s.chat('three', { shift: 'night' });
    expect(night.conversation.state).toBe('closed');
    expect(
      night.conversation.events.flatMap((e) => (e.type === 'message' ? [e.message.kind + ':' + e.message.text] : [])),
    ).toEqual(['customer:three', 'system:We are closed. Please come back tomorrow.']);
  });

  it('capacity profiles hold work back until released; wrap-up that never blocks frees capacity at the end', async () => {
    const s = await setup({ queues: ['Support'], users: [{ key: 'ann', queues: ['Support'], capacity: 10 }] });
    const profile = await s.admin.call('createCapacityProfile', {
      body: { name: 'Chat', defaultLimit: 1, resetFrequency: 'immediate', blocksAssignment: true },
    });
    const current = (await s.admin.call('listAgents')).find((a) => a.id === s.org.user('ann').id)!.routing;
    const { userId: _u, ...routing } = current;
    await s.admin.call('updateAgentRouting', {
      params: { id: current.userId },
      body: { ...routing, capacityProfiles: [{ profileId: profile.id, customLimit: null }] },
    });
    await s.configure({ capacity: { kind: 'profiles', profileIds: [profile.id] }, wrapUpBlocking: { kind: 'never' } });
    const ann = await s.agent('ann');
    const one = await s.chat('one');
    const offer = await eventually(() => offersOf(ann)[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    const two = await s.chat('two');
    await server.app.settled();
    expect(offersOf(ann)).toHaveLength(1); // the profile's one item is in use
    const trace = (await s.admin.call('getRoutingTrace', { params: { id: two.conversation.id } })).entries.flatMap(
      (e) => e.steps,
    );
    expect(trace.find((x) => x.step === 'assignment')).toMatchObject({ agentId: null, outcome: 'no-eligible-agent' });

    await ann.api.call('endConversation', { params: { id: one.conversation.id }, body: {} });
    expect((await eventually(() => offersOf(ann)[1])).conversationId).toBe(two.conversation.id);
  });

  it('with no session limit (the default) an agent with capacity 20 takes 12 conversations and shows Busy, not Do not disturb (AG1)', async () => {
    const s = await setup({ queues: ['Support'], users: [{ key: 'ann', queues: ['Support'], capacity: 20 }] });
    expect(await s.admin.call('getRoutingSettings')).toMatchObject({ sessionLimit: null, fullPresence: 'busy' });
    const ann = await s.agent('ann');
    for (let i = 0; i < 12; i++) await s.chat(`question ${i}`);
    await eventually(() => (offersOf(ann).length >= 12 ? offersOf(ann) : undefined));
    await server.app.settled();
    expect(offersOf(ann)).toHaveLength(12);
    // Accepting ends the manual Available she set at sign-in: presence is computed from capacity again.
    for (const offer of offersOf(ann)) await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    expect((await ann.api.call('me')).presence).toBe('busy');
  });

  it('with a session limit of 5 an agent with capacity 20 takes 5, shows Busy and the trace says why; below it again, the next is offered', async () => {
    const s = await setup({ queues: ['Support'], users: [{ key: 'ann', queues: ['Support'], capacity: 20 }] });
    await s.admin.call('updateRoutingSettings', {
      body: { defaultPresence: 'available', idleMinutes: 15, sessionLimit: 5 },
    });
    const ann = await s.agent('ann');
    const chats = [];
    for (let i = 0; i < 6; i++) chats.push(await s.chat(`question ${i}`));
    const offered = await eventually(() => (offersOf(ann).length >= 5 ? offersOf(ann) : undefined));
    await server.app.settled();
    expect(offersOf(ann)).toHaveLength(5); // 15 units of capacity left, but no 6th conversation
    expect((await ann.api.call('me')).presence).toBe('busy');
    const waiting = chats.find((c) => !offered.some((o) => o.conversationId === c.conversation.id))!;
    const trace = await s.admin.call('getRoutingTrace', { params: { id: waiting.conversation.id } });
    expect(trace.state).toBe('open');
    const considered = trace.entries
      .flatMap((e) => e.steps)
      .flatMap((x) => (x.step === 'assignment' ? x.considered : []));
    expect(considered.map((c) => c.reason)).toContain('holds 5 conversations, the session limit');

    // One conversation ends and closes: below the limit again, the waiting one is offered.
    await ann.api.call('acceptOffer', { params: { id: offered[0]!.id }, body: {} });
    await ann.api.call('endConversation', { params: { id: offered[0]!.conversationId }, body: {} });
    await ann.api.call('closeConversation', { params: { id: offered[0]!.conversationId }, body: {} });
    expect((await eventually(() => offersOf(ann)[5])).conversationId).toBe(waiting.conversation.id);
    expect((await ann.api.call('me')).presence).toBe('busy');
  });

  it('when the admin chooses "a full agent shows Do not disturb", an agent at the session limit shows it, and one with no room left too', async () => {
    const s = await setup({
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'], capacity: 20 },
        { key: 'bob', queues: ['Support'], capacity: 2 },
      ],
    });
    await s.admin.call('updateRoutingSettings', {
      body: { defaultPresence: 'available', idleMinutes: 15, sessionLimit: 3, fullPresence: 'busy-dnd' },
    });
    expect(await s.admin.call('getRoutingSettings')).toMatchObject({ sessionLimit: 3, fullPresence: 'busy-dnd' });
    // Do not disturb is allowed here, so only the session limit and capacity can hold the rest back.
    await s.configure({ allowedPresences: ['available', 'busy', 'busy-dnd'] });
    const ann = await s.agent('ann');
    const bob = await s.agent('bob');
    for (let i = 0; i < 6; i++) await s.chat(`question ${i}`);
    await eventually(() => (offersOf(ann).length + offersOf(bob).length >= 5 ? true : undefined));
    await server.app.settled();
    expect(offersOf(ann)).toHaveLength(3); // the session limit
    expect(offersOf(bob)).toHaveLength(2); // capacity
    expect((await ann.api.call('me')).presence).toBe('busy-dnd'); // even over her manual Available
    // Bob's manual Available lasts until he accepts; then presence is computed: no room left.
    for (const offer of offersOf(bob)) await bob.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    expect((await bob.api.call('me')).presence).toBe('busy-dnd');
  });

  it("presence: the admin's default applies at sign-in, custom presences map to their base", async () => {
    const s = await setup({ queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
    const training = await s.admin.call('createPresence', { body: { name: 'In training', base: 'away' } });
    await s.admin.call('updateRoutingSettings', { body: { defaultPresence: 'away', idleMinutes: 15 } });
    const token = (await server.api().call('login', { body: { email: s.org.user('ann').email, password: PASSWORD } }))
      .token;
    expect((await server.api(token).call('me')).presence).toBe('away');
    await server
      .api()
      .call('startChat', {
        params: { widgetId: s.org.widgetId },
        body: { prechat: { name: 'E', email: 'e@x.example', question: 'q' } },
      });
    const socket = connectSocket(server.url, token);
    closers.push(() => socket.close());
    await socket.ready;
    await server.app.settled();
    expect(socket.of('offer:new')).toHaveLength(0);
    expect((await server.api(token).call('presenceOptions')).presences.map((p) => p.name)).toEqual(['In training']);
    expect((await server.api(token).call('setPresence', { body: { presence: training.id } })).presence).toBe('away');
    expect((await server.api(token).call('setPresence', { body: { presence: 'available' } })).presence).toBe(
      'available',
    );
    await eventually(() => socket.of<Offer>('offer:new')[0]);
  });

  it('a second workstream with its own widget routes by its own rules', async () => {
    const s = await setup({ queues: ['Support', 'Returns'], users: [{ key: 'ret', queues: ['Returns'] }] });
    const second = await s.admin.call('createWorkstream', {
      body: {
        name: 'Returns desk',
        channel: 'messaging',
        distribution: 'push',
        capacity: { kind: 'units', units: 1 },
        allowedPresences: ['available'],
        fallbackQueueId: s.org.queueId('Returns'),
      },
    });
    await db.db
      .insert(widgets)
      .values({ id: `r-${s.org.widgetId}`, orgId: s.org.orgId, workstreamId: second.id, title: 'Returns' });
    const ret = await s.agent('ret');
    const chat = await s.chat('my parcel', {}, `r-${s.org.widgetId}`);
    expect((await eventually(() => offersOf(ret)[0])).conversationId).toBe(chat.conversation.id);
  });
});
