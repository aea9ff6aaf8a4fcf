import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INT4_MAX, LIMITS, type Condition } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { clientId, openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';
import { orgSnapshot } from './support/org-snapshot.js';

// Each input here once answered 500 (X3, issue 7 §2). Now each is a clear 4xx that names the field
// and the limit, and changes nothing the organisation holds.

let db: Database;
let server: TestServer;
let org: BuiltOrg;
const tokens = { admin: '', agent: '', visitor: '' };
let chat: { id: string; token: string };
let noteClientId: string;

type Reply = {
  status: number;
  body: { statusCode: number; error: string; message: string; issues?: { path: string }[] };
};

async function raw(method: string, path: string, opts: { token?: string; body?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, body: opts.body });
  return { status: res.status, body: (await res.json()) as Reply['body'] };
}

const snapshot = () => orgSnapshot(db.db, server.api(tokens.admin), org.orgId);

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db });
  org = await buildOrg(db.db, {
    users: [
      { key: 'ada', role: 'admin' },
      { key: 'cat', queues: ['Support'], presence: 'available' },
    ],
    queues: ['Support'],
  });
  const login = async (key: string) =>
    (await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;
  tokens.admin = await login('ada');
  tokens.agent = await login('cat');
  const started = await server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'hello' } },
  });
  chat = { id: started.conversation.id, token: started.token };
  tokens.visitor = chat.token;
  await server.app.settled();
  const [offer] = (await server.api(tokens.agent).call('listOffers')).offers;
  await server.api(tokens.agent).call('acceptOffer', { params: { id: offer!.id }, body: {} });
  noteClientId = clientId();
  await server.api(tokens.agent).call('sendMessage', {
    params: { id: chat.id },
    body: { clientMessageId: noteClientId, text: 'secret note: customer is a VIP', internal: true },
  });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const NUL = '\u0000';
const HALF = '\ud800';
const deepCondition = (depth: number): Condition => {
  let c: Condition = { kind: 'always' };
  for (let i = 1; i < depth; i++) c = { kind: 'and', all: [c] };
  return c;
};
const workstream = (when: Condition, fallbackQueueId: string) => ({
  name: 'Deep',
  channel: 'messaging',
  distribution: 'push',
  capacity: { kind: 'units', units: 1 },
  allowedPresences: ['available'],
  fallbackQueueId,
  routeToQueue: [{ name: 'deep', when, queues: [{ queueId: fallbackQueueId, percentage: 100 }] }],
});
const prechat = (over: Record<string, string> = {}) => ({
  prechat: { name: 'Eve', email: 'eve@x.example', question: 'hi', ...over },
});
const message = (text: string) => JSON.stringify({ clientMessageId: clientId(), text });
const id = () => chat.id;
const zeros = '00000000-0000-4000-8000-000000000000';

type Case = { name: string; status: number; message: RegExp; run: () => Promise<Reply> };

/** A NUL in each text field of each route that stores text: every one refused by its schema. */
const nulCases = (): Case[] => {
  const q = () => org.queueId('Support');
  const bodies: [string, string, string, () => unknown, string][] = [
    [
      'login',
      'POST',
      '/api/auth/login',
      () => ({ email: org.user('cat').email, password: `pass${NUL}word` }),
      'body.password',
    ],
    [
      'startChat (name)',
      'POST',
      `/api/widget/WIDGET/conversations`,
      () => prechat({ name: `Eve${NUL}` }),
      'body.prechat.name',
    ],
    [
      'startChat (question)',
      'POST',
      `/api/widget/WIDGET/conversations`,
      () => prechat({ question: `a${NUL}b` }),
      'body.prechat.question',
    ],
    [
      'startChat (context value)',
      'POST',
      `/api/widget/WIDGET/conversations`,
      () => ({ ...prechat(), context: { plan: `gold${NUL}` } }),
      'body.context.plan',
    ],
    [
      'startChat (context key)',
      'POST',
      `/api/widget/WIDGET/conversations`,
      () => ({ ...prechat(), context: { [`pl${NUL}an`]: 'gold' } }),
      'body.context',
    ],
    [
      'visitorSend',
      'POST',
      `/api/widget/conversations/CHAT/messages`,
      () => ({ clientMessageId: clientId(), text: `hi${NUL}` }),
      'body.text',
    ],
    [
      'sendMessage',
      'POST',
      `/api/conversations/CHAT/messages`,
      () => ({ clientMessageId: clientId(), text: `hi${NUL}` }),
      'body.text',
    ],
    [
      'sendMessage (client id)',
      'POST',
      `/api/conversations/CHAT/messages`,
      () => ({ clientMessageId: `${clientId()}${NUL}`, text: 'hi' }),
      'body.clientMessageId',
    ],
    ['createSkill', 'POST', '/api/admin/skills', () => ({ name: `Billing${NUL}` }), 'body.name'],
    ['updateSkill', 'PUT', `/api/admin/skills/${zeros}`, () => ({ name: 'Billing', type: `T${NUL}` }), 'body.type'],
    [
      'createCapacityProfile',
      'POST',
      '/api/admin/capacity-profiles',
      () => ({ name: `P${NUL}`, defaultLimit: 2, resetFrequency: 'immediate' }),
      'body.name',
    ],
    ['createPresence', 'POST', '/api/admin/presences', () => ({ name: `Lunch${NUL}`, base: 'away' }), 'body.name'],
    [
      'createOperatingHours',
      'POST',
      '/api/admin/operating-hours',
      () => ({ name: 'H', timeZone: `Europe/Paris${NUL}`, weekly: [], holidays: [] }),
      'body.timeZone',
    ],
    ['createQueue', 'POST', '/api/admin/queues', () => ({ name: `Q${NUL}` }), 'body.name'],
    [
      'updateQueue (overflow message)',
      'PUT',
      `/api/admin/queues/QUEUE`,
      () => ({
        name: 'Support',
        overflow: [{ when: { kind: 'outside-hours' }, then: { kind: 'message-and-end', message: `closed${NUL}` } }],
      }),
      'body.overflow.0.then.message',
    ],
    [
      'createWorkstream (rule value)',
      'POST',
      '/api/admin/workstreams',
      () => workstream({ kind: 'compare', field: 'prechat.question', operator: 'equals', value: `buy${NUL}` }, q()),
      'body.routeToQueue.0.when',
    ],
    [
      'createChatWidget',
      'POST',
      '/api/admin/widgets',
      () => ({ title: `Chat${NUL}`, workstreamId: zeros }),
      'body.title',
    ],
    [
      'writeWorkspace (a draft)',
      'PATCH',
      '/api/me/workspace',
      () => ({ baseVersion: 0, changes: { drafts: { [chat.id]: `half${NUL}` } } }),
      'body.changes.drafts',
    ],
    [
      'writeWorkspace (a tab title)',
      'PATCH',
      '/api/me/workspace',
      () => ({
        baseVersion: 0,
        changes: {
          sessions: {
            [chat.id]: {
              id: chat.id,
              conversationId: chat.id,
              tabs: [{ id: 'conversation', kind: 'conversation', title: `Eve${NUL}` }],
              activeTabId: 'conversation',
            },
          },
        },
      }),
      'body.changes.sessions',
    ],
    [
      'importConfig (skill name)',
      'PUT',
      '/api/admin/config',
      () => ({
        format: 'switchboard-config',
        version: 1,
        skills: [{ id: zeros, name: `S${NUL}` }],
        capacityProfiles: [],
        presences: [],
        operatingHours: [],
        queues: [],
        workstreams: [],
        agents: [],
        settings: {},
      }),
      'body.skills.0.name',
    ],
  ];
  const tokenFor = (path: string) =>
    path.startsWith('/api/admin')
      ? tokens.admin
      : path.startsWith('/api/widget/conversations')
        ? tokens.visitor
        : path.startsWith('/api/conversations') || path.startsWith('/api/me')
          ? tokens.agent
          : undefined;
  return bodies.map(([name, method, path, body, field]) => ({
    name: `a NUL character in ${name}`,
    status: 400,
    message: new RegExp(`${field.replace(/\./g, '\\.')}[^;]*NUL character \\(U\\+0000\\)`),
    run: () => {
      const url = path.replace('WIDGET', org.widgetId).replace('CHAT', chat.id).replace('QUEUE', q());
      return raw(method, url, { token: tokenFor(url), body: JSON.stringify(body()) });
    },
  }));
};

const cases = (): Case[] => [
  ...nulCases(),
  {
    name: 'a lone surrogate in a visitor message',
    status: 400,
    message: /body\.text: contains half of a surrogate pair \(U\+D800\)/,
    run: () =>
      raw('POST', `/api/widget/conversations/${id()}/messages`, { token: tokens.visitor, body: message(`hi ${HALF}`) }),
  },
  {
    name: 'a lone low surrogate in an agent message',
    status: 400,
    message: /body\.text: contains half of a surrogate pair \(U\+DC00\)/,
    run: () => raw('POST', `/api/conversations/${id()}/messages`, { token: tokens.agent, body: message(`\udc00 hi`) }),
  },
  {
    name: 'a lone surrogate in the pre-chat form',
    status: 400,
    message: /body\.prechat\.name: contains half of a surrogate pair/,
    run: () =>
      raw('POST', `/api/widget/${org.widgetId}/conversations`, {
        body: JSON.stringify(prechat({ name: `Eve${HALF}` })),
      }),
  },
  {
    name: 'a control character in a name',
    status: 400,
    message: /body\.name: contains a control character \(U\+001B\)/,
    run: () =>
      raw('POST', '/api/admin/skills', { token: tokens.admin, body: JSON.stringify({ name: 'Bill\u001b[2Jing' }) }),
  },
  {
    name: 'after beyond an integer column (staff events)',
    status: 400,
    message: new RegExp(`querystring\\.after: after is at most ${INT4_MAX}`),
    run: () => raw('GET', `/api/conversations/${id()}/events?after=2147483648`, { token: tokens.agent }),
  },
  {
    name: 'after beyond an integer column (visitor events)',
    status: 400,
    message: new RegExp(`querystring\\.after: after is at most ${INT4_MAX}`),
    run: () => raw('GET', `/api/widget/conversations/${id()}/events?after=2147483648`, { token: tokens.visitor }),
  },
  {
    name: 'after as 1e400 (Infinity)',
    status: 400,
    message: /querystring\.after/,
    run: () => raw('GET', `/api/conversations/${id()}/events?after=1e400`, { token: tokens.agent }),
  },
  {
    name: 'a condition nested 1,000 deep',
    status: 400,
    message: new RegExp(`conditions are nested 1000 deep; the limit is ${LIMITS.conditionDepth}`),
    run: () =>
      raw('POST', '/api/admin/workstreams', {
        token: tokens.admin,
        body: JSON.stringify(workstream(deepCondition(1000), org.queueId('Support'))),
      }),
  },
  {
    name: 'a condition nested one level too deep',
    status: 400,
    message: /conditions are nested 7 deep; the limit is 6/,
    run: () =>
      raw('POST', '/api/admin/workstreams', {
        token: tokens.admin,
        body: JSON.stringify(workstream(deepCondition(7), org.queueId('Support'))),
      }),
  },
  {
    name: 'a condition nested 100,000 deep in an import',
    status: 400,
    message: /conditions are nested 100000 deep; the limit is 6/,
    run: async () => {
      const config = await server.api(tokens.admin).call('exportConfig');
      const ws = config.workstreams[0]!;
      const deep = {
        ...config,
        workstreams: [
          {
            ...ws,
            routeToQueue: [{ name: 'deep', when: 'DEEP', queues: [{ queueId: ws.fallbackQueueId, percentage: 100 }] }],
          },
        ],
      };
      // Written as text: JSON.stringify itself recurses and would run out of stack on this value.
      const when = '{"kind":"and","all":['.repeat(99_999) + '{"kind":"always"}' + ']}'.repeat(99_999);
      return raw('PUT', '/api/admin/config', {
        token: tokens.admin,
        body: JSON.stringify(deep).replace('"DEEP"', when),
      });
    },
  },
  {
    name: 'a condition with too many parts',
    status: 400,
    message: new RegExp(`a condition has \\d+ parts; the limit is ${LIMITS.conditionParts}`),
    run: () => {
      const leaf: Condition = { kind: 'always' };
      const wide: Condition = {
        kind: 'or',
        any: Array.from({ length: 50 }, () => ({ kind: 'and', all: Array.from({ length: 50 }, () => leaf) })),
      };
      return raw('POST', '/api/admin/workstreams', {
        token: tokens.admin,
        body: JSON.stringify(workstream(wide, org.queueId('Support'))),
      });
    },
  },
  {
    name: 'an 11 MB import (its limit is 10 MB)',
    status: 413,
    message: /too large: the limit for PUT \/api\/admin\/config is 10 MB \(10000000 bytes\)/,
    run: () =>
      raw('PUT', '/api/admin/config', {
        token: tokens.admin,
        body: JSON.stringify({ format: 'switchboard-config', pad: 'x'.repeat(11_000_000) }),
      }),
  },
  {
    name: 'a 100 KB message (its limit is 64 KB)',
    status: 413,
    message: /too large: the limit for POST \/api\/widget\/conversations\/:id\/messages is 64 KB \(65536 bytes\)/,
    run: () =>
      raw('POST', `/api/widget/conversations/${id()}/messages`, {
        token: tokens.visitor,
        body: message('x'.repeat(100_000)),
      }),
  },
  {
    name: 'a __proto__ key',
    status: 400,
    message: /Body is valid JSON but has the key "__proto__"/,
    run: () =>
      raw('POST', `/api/widget/conversations/${id()}/messages`, {
        token: tokens.visitor,
        body: `{"clientMessageId":"${clientId()}","text":"hi","__proto__":{"isAdmin":true}}`,
      }),
  },
  {
    name: 'a nested __proto__ key',
    status: 400,
    message: /has the key "context\.__proto__"/,
    run: () =>
      raw('POST', `/api/widget/${org.widgetId}/conversations`, {
        body: `{"prechat":{"name":"E","email":"e@x.example","question":"q"},"context":{"__proto__":{"x":"1"}}}`,
      }),
  },
  {
    name: 'a constructor.prototype key',
    status: 400,
    message: /has the key "constructor\.prototype"/,
    run: () =>
      raw('POST', '/api/admin/skills', {
        token: tokens.admin,
        body: '{"name":"S","constructor":{"prototype":{"x":1}}}',
      }),
  },
  {
    name: 'JSON cut short',
    status: 400,
    message: /Body is not valid JSON: .*JSON/,
    run: () => raw('POST', '/api/admin/skills', { token: tokens.admin, body: '{"name":' }),
  },
  {
    name: 'an empty JSON body',
    status: 400,
    message: /The body is empty/,
    run: () => raw('POST', '/api/admin/skills', { token: tokens.admin, body: '' }),
  },
  {
    name: 'an invalid email',
    status: 400,
    message: /body\.prechat\.email: is not an email address/,
    run: () =>
      raw('POST', `/api/widget/${org.widgetId}/conversations`, { body: JSON.stringify(prechat({ email: 'nope' })) }),
  },
  {
    name: 'a huge number',
    status: 400,
    message: /body\.defaultLimit: is not a finite number/,
    run: () =>
      raw('POST', '/api/admin/capacity-profiles', {
        token: tokens.admin,
        body: '{"name":"P","defaultLimit":1e400,"resetFrequency":"immediate"}',
      }),
  },
];

describe('inputs that once answered 500 get a clear 4xx and change nothing', () => {
  for (const c of cases()) {
    it(`refuses ${c.name}`, async () => {
      const before = await snapshot();
      const res = await c.run();
      expect(res.body).toMatchObject({ statusCode: c.status, error: expect.any(String), message: expect.any(String) });
      expect(res.status).toBe(c.status);
      expect(res.body.message).toMatch(c.message);
      expect(await snapshot()).toBe(before);
    });
  }

  it('accepts after at the largest integer: no events after it', async () => {
    const res = await server
      .api(tokens.agent)
      .call('listEvents', { params: { id: chat.id }, query: { after: INT4_MAX } });
    expect(res.events).toEqual([]);
  });
});

describe("a visitor reusing the client message id of an agent's note", () => {
  it('stores the visitor message as new and never returns the note', async () => {
    const visitor = server.api(tokens.visitor);
    const sent = await visitor.call('visitorSend', {
      params: { id: chat.id },
      body: { clientMessageId: noteClientId, text: 'my own words' },
    });
    expect(sent).toMatchObject({ type: 'message', message: { kind: 'customer', text: 'my own words' } });
    // A retry of the same visitor message is still stored once.
    const again = await visitor.call('visitorSend', {
      params: { id: chat.id },
      body: { clientMessageId: noteClientId, text: 'my own words' },
    });
    expect(again).toEqual(sent);
    const seen = JSON.stringify(await visitor.call('visitorConversation', { params: { id: chat.id } }));
    expect(seen).not.toContain('secret note');
    const staff = await server.api(tokens.agent).call('getConversation', { params: { id: chat.id } });
    const texts = staff.events.flatMap((e) => (e.type === 'message' ? [e.message.text] : []));
    expect(texts.filter((t) => t === 'my own words')).toHaveLength(1);
    expect(texts).toContain('secret note: customer is a VIP');
  });

  it("lets an agent reuse a visitor's client message id without getting the visitor's message back", async () => {
    const cid = clientId();
    await server
      .api(tokens.visitor)
      .call('visitorSend', { params: { id: chat.id }, body: { clientMessageId: cid, text: 'from the customer' } });
    const note = await server.api(tokens.agent).call('sendMessage', {
      params: { id: chat.id },
      body: { clientMessageId: cid, text: 'from the agent', internal: true },
    });
    expect(note).toMatchObject({ type: 'message', message: { kind: 'note', text: 'from the agent' } });
  });
});
