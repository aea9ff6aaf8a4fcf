import { describe, expect, it, vi } from 'vitest';
import type { ConversationEvent, VisitorConversation } from '@switchboard/protocol';
import type { ApiFrameToHost, PendingAction } from '../../shared/api-messages.js';
import { acceptedEvent, CONVERSATION_ID, messageEvent } from '../../test-support/events.js';
import { ChatSession } from './chat-session.js';
import { firstJoins } from './joined-lines.js';
import { connectPageApi, type PageApi } from './page-api.js';
import type { RealtimeOptions } from './realtime.js';
import { createChatStorage, memoryStore } from './storage.js';

// CH1: the iframe's side of the host page's API: what it does with the loader's commands and
// which events it sends back, over a fake Switchboard.
function fakeServer() {
  const events: ConversationEvent[] = [];
  const requests: { method: string; path: string; body: unknown }[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const view = (): VisitorConversation => ({
    id: CONVERSATION_ID,
    state: 'open',
    agentName: null,
    lastSeq: events.length,
    callback: null,
    events,
  });
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://switchboard.test').pathname;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ method: init?.method ?? 'GET', path, body });
    const base = `/api/widget/conversations/${CONVERSATION_ID}`;
    if (path === '/api/widget/demo/config')
      return json({ widgetId: 'demo', orgName: 'C', title: 'Chat', socketPath: '/socket.io' });
    if (path === '/api/widget/demo/conversations') return json({ token: 'visitor-token', conversation: view() });
    if (path === '/api/widget/demo/resume')
      return body.token === 'good'
        ? json({ token: 'carried-token', conversation: view() })
        : json({ statusCode: 400, error: 'Bad Request', message: 'The resume link has expired' }, 400);
    if (path === base) return json(view());
    if (path === `${base}/events`) return json({ events: [] });
    if (path === `${base}/journey`) return json({ stored: body.actions.length });
    if (path === `${base}/resume-link`) return json({ token: 'resume.token', expiresAt: '2030-01-01T00:00:00.000Z' });
    return json({ message: 'not found' }, 404);
  });
  return { requests, fetch };
}

function setup(opts: { secretOk?: boolean } = {}) {
  const server = fakeServer();
  const storage = createChatStorage('demo', memoryStore());
  const sent: ApiFrameToHost[] = [];
  let socket: RealtimeOptions | undefined;
  let pageApi: PageApi | null = null;
  const session = new ChatSession({
    widgetId: 'demo',
    locale: 'en',
    storage,
    fetch: server.fetch,
    socketUrl: 'http://switchboard.test',
    retryDelay: () => 0,
    connect: (o) => ((socket = o), { emitTyping: vi.fn(), close: vi.fn() }),
    journey: { pending: () => pageApi!.journey.pending(), sent: (a) => pageApi!.journey.sent(a) },
  });
  pageApi = connectPageApi(session, {
    widgetId: 'demo',
    storage,
    fetch: server.fetch,
    send: (m, o) => {
      if (o?.secret && opts.secretOk === false) return false;
      sent.push(m);
      return true;
    },
  });
  const events = (name: string) =>
    sent.filter((m) => m.type === 'event' && m.name === name).map((m) => (m as { detail: unknown }).detail);
  return { server, storage, session, api: pageApi, sent, events, socket: () => socket! };
}

const cmd = <T extends object>(m: T) => ({ source: 'switchboard' as const, ...m });
const action = (key: string, name: string): PendingAction => ({
  key,
  kind: 'search',
  name,
  detail: {},
  at: '2025-01-01T10:00:00.000Z',
});

describe('the page API in the iframe', () => {
  it('startChat with every answer in the context starts at once, carrying the waiting journey', async () => {
    const t = setup();
    await t.session.start();
    t.api.handle(cmd({ type: 'journey', actions: [action('k1', 'ink'), action('k2', 'toner')] }));
    t.api.handle(
      cmd({ type: 'context', context: { name: 'Eve', email: 'eve@x.example', question: 'Ink?', plan: 'gold' } }),
    );
    t.session.setContext({ name: 'Eve', email: 'eve@x.example', question: 'Ink?', plan: 'gold' });
    expect(t.api.handle(cmd({ type: 'start-chat' }))).toBe(true);
    await vi.waitFor(() => expect(t.session.getSnapshot().phase).toBe('chat'));
    const start = t.server.requests.find((r) => r.path === '/api/widget/demo/conversations')!;
    expect(start.body).toMatchObject({
      prechat: { name: 'Eve', email: 'eve@x.example', question: 'Ink?' },
      context: { plan: 'gold' },
      journey: [
        { kind: 'search', name: 'ink', detail: {}, at: '2025-01-01T10:00:00.000Z' },
        { kind: 'search', name: 'toner', detail: {}, at: '2025-01-01T10:00:00.000Z' },
      ],
    });
    expect((start.body as { journey: object[] }).journey[0]).not.toHaveProperty('key');
    const order = t.sent.map((m) => (m.type === 'event' ? m.name : m.type));
    expect(order).toEqual(['chat', 'journey-taken', 'chatStarted', 'chat']);
    expect(t.sent[1]).toMatchObject({ type: 'journey-taken', keys: ['k1', 'k2'] });
    expect(t.sent.at(-1)).toMatchObject({ type: 'chat', active: true });
  });

  it('startChat without the answers opens the form filled with what it has, and starts nothing', async () => {
    const t = setup();
    await t.session.start();
    t.api.handle(cmd({ type: 'context', context: { name: 'Eve' } }));
    t.api.handle(cmd({ type: 'start-chat' }));
    await new Promise((r) => setTimeout(r, 10));
    expect(t.server.requests.some((r) => r.path === '/api/widget/demo/conversations')).toBe(false);
    expect(t.session.getSnapshot().phase).toBe('prechat');
  });

  it('tells of agent messages, counts them while minimised, and zero once opened; the end too', async () => {
    const t = setup();
    await t.session.start();
    t.api.handle(cmd({ type: 'context', context: { name: 'Eve', email: 'eve@x.example', question: 'Ink?' } }));
    t.session.setContext({});
    t.api.handle(cmd({ type: 'start-chat' }));
    await vi.waitFor(() => expect(t.session.getSnapshot().phase).toBe('chat'));
    t.api.handle(cmd({ type: 'close' }));
    t.socket().onEvent(acceptedEvent(1));
    t.socket().onEvent(messageEvent(2, 'agent', 'Hello Eve'));
    t.socket().onEvent(messageEvent(3, 'customer', 'Hi'));
    t.socket().onEvent(messageEvent(4, 'agent', 'How can I help?'));
    expect(t.events('messageReceived')).toMatchObject([
      { text: 'Hello Eve', kind: 'agent' },
      { text: 'How can I help?' },
    ]);
    expect(t.events('unreadCount')).toEqual([{ count: 1 }, { count: 2 }]);
    t.api.handle(cmd({ type: 'open' }));
    expect(t.events('unreadCount').at(-1)).toEqual({ count: 0 });
    t.socket().onEvent({
      type: 'state',
      conversationId: CONVERSATION_ID,
      seq: 5,
      at: '2025-01-01T10:00:00.000Z',
      from: 'active',
      to: 'wrap-up',
      reason: 'ended',
      actor: { type: 'agent', id: null, name: 'Bob' },
    });
    expect(t.events('chatEnded')).toEqual([{ conversationId: CONVERSATION_ID }]);
    expect(t.sent.at(-1)).toMatchObject({ type: 'chat', active: false });
  });

  it('sends tracked actions during a chat, without the loader key', async () => {
    const t = setup();
    t.storage.update((s) => ({ ...s, token: 'visitor-token', conversationId: CONVERSATION_ID }));
    await t.session.start();
    t.api.handle(cmd({ type: 'track', actions: [action('k9', 'paper')] }));
    await vi.waitFor(() => expect(t.server.requests.some((r) => r.path.endsWith('/journey'))).toBe(true));
    const req = t.server.requests.find((r) => r.path.endsWith('/journey'))!;
    expect(req.body).toEqual({
      actions: [{ kind: 'search', name: 'paper', detail: {}, at: '2025-01-01T10:00:00.000Z' }],
    });
  });

  it('takes a carried chat over with a resume token; a refused one is an error event', async () => {
    const t = setup();
    await t.session.start();
    t.api.handle(cmd({ type: 'resume', token: 'expired' }));
    await vi.waitFor(() => expect(t.events('error')).toHaveLength(1));
    expect(t.events('error')[0]).toMatchObject({ code: 'resume-failed', message: expect.stringMatching(/expired/) });
    t.api.handle(cmd({ type: 'resume', token: 'good' }));
    await vi.waitFor(() => expect(t.session.getSnapshot().phase).toBe('chat'));
    expect(t.storage.read()).toMatchObject({ token: 'carried-token', conversationId: CONVERSATION_ID });
    expect(t.events('chatStarted')).toEqual([]); // the same chat, continued
  });

  it('gives a resume link only to a host origin the browser named', async () => {
    const t = setup();
    t.storage.update((s) => ({ ...s, token: 'visitor-token', conversationId: CONVERSATION_ID }));
    await t.session.start();
    t.api.handle(cmd({ type: 'resume-link-request', requestId: 'r1' }));
    await vi.waitFor(() => expect(t.sent.some((m) => m.type === 'resume-link')).toBe(true));
    expect(t.sent.find((m) => m.type === 'resume-link')).toMatchObject({ requestId: 'r1', token: 'resume.token' });

    const blind = setup({ secretOk: false });
    blind.storage.update((s) => ({ ...s, token: 'visitor-token', conversationId: CONVERSATION_ID }));
    await blind.session.start();
    blind.api.handle(cmd({ type: 'resume-link-request', requestId: 'r2' }));
    await vi.waitFor(() => expect(blind.sent.some((m) => m.type === 'resume-link')).toBe(true));
    expect(blind.sent.find((m) => m.type === 'resume-link')).toMatchObject({ requestId: 'r2', token: null });
  });
});

describe('"joined the chat" once', () => {
  it('shows the first accept of each agent, not a rejoin', () => {
    const bob = acceptedEvent(2, 'Bob');
    const again = { ...acceptedEvent(5, 'Bob') };
    const ann = { ...acceptedEvent(7, 'Ann'), agentId: '33333333-3333-4333-8333-333333333333' };
    expect([...firstJoins([messageEvent(1, 'customer', 'hi'), bob, again, ann])]).toEqual([2, 7]);
  });
});
