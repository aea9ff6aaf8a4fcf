import { newOutboxEntry } from '@switchboard/live';
import { describe, expect, it, vi } from 'vitest';
import type { ConversationEvent, VisitorConversation } from '@switchboard/protocol';
import { acceptedEvent, CONVERSATION_ID, endedEvent, messageEvent } from '../../test-support/events.js';
import { ChatSession } from './chat-session.js';
import type { RealtimeOptions } from './realtime.js';
import { createChatStorage, memoryStore } from './storage.js';

/** A fake Switchboard: the visitor REST routes over an in-memory event list. */
function fakeServer(initial: ConversationEvent[]) {
  const events = [...initial];
  const requests: string[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://switchboard.test');
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    const base = `/api/widget/conversations/${CONVERSATION_ID}`;
    if (url.pathname === '/api/widget/demo/config')
      return json({ widgetId: 'demo', orgName: 'Contoso', title: 'Chat with Contoso', socketPath: '/socket.io' });
    if (url.pathname === base) {
      const view: VisitorConversation = {
        id: CONVERSATION_ID,
        state: 'active',
        agentName: 'Bob de Vries',
        lastSeq: events.length,
        callback: null,
        events,
      };
      return json(view);
    }
    if (url.pathname === `${base}/events`)
      return json({ events: events.filter((e) => e.seq > Number(url.searchParams.get('after'))) });
    if (url.pathname === `${base}/messages`) {
      const body = JSON.parse(String(init?.body)) as { clientMessageId: string; text: string };
      const existing = events.find((e) => e.type === 'message' && e.message.clientMessageId === body.clientMessageId);
      if (existing) return json(existing);
      const event = messageEvent(events.length + 1, 'customer', body.text, body.clientMessageId);
      events.push(event);
      return json(event);
    }
    return json({ message: 'not found' }, 404);
  });
  return { events, requests, fetch };
}

function storedChat(outbox: { clientMessageId: string; text: string }[] = []) {
  const storage = createChatStorage('demo', memoryStore());
  storage.update((s) => ({
    ...s,
    token: 'visitor-token',
    conversationId: CONVERSATION_ID,
    lastSeq: 2,
    open: true,
    outbox: outbox.map((o) =>
      newOutboxEntry({ ...o, conversationId: CONVERSATION_ID }, Date.parse('2025-01-01T10:00:00.000Z')),
    ),
  }));
  return storage;
}

function session(fetch: typeof globalThis.fetch, storage: ReturnType<typeof storedChat>) {
  let socket: RealtimeOptions | undefined;
  const s = new ChatSession({
    widgetId: 'demo',
    locale: 'en',
    storage,
    fetch,
    socketUrl: 'http://switchboard.test',
    retryDelay: () => 0,
    connect: (opts) => {
      socket = opts;
      return { emitTyping: vi.fn(), close: vi.fn() };
    },
  });
  return { s, socket: () => socket! };
}

const history = () => [messageEvent(1, 'customer', 'My invoice is wrong'), acceptedEvent(2)];

describe('chat session', () => {
  it('reloads the stored conversation on a new page', async () => {
    const server = fakeServer(history());
    const { s } = session(server.fetch, storedChat());
    await s.start();
    const snap = s.getSnapshot();
    expect(snap.phase).toBe('chat');
    expect(snap.status.agentName).toBe('Bob de Vries');
    expect(snap.timeline.events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('sends again what the previous page left in the outbox, with the same clientMessageId', async () => {
    const server = fakeServer(history());
    const storage = storedChat([{ clientMessageId: 'left-behind-1', text: 'Invoice 2024-0117' }]);
    const { s } = session(server.fetch, storage);
    await s.start();
    await vi.waitFor(() => expect(storage.read().outbox).toEqual([]));
    const sent = server.events.at(-1)!;
    expect(sent.type === 'message' && sent.message.clientMessageId).toBe('left-behind-1');
    expect(s.getSnapshot().timeline.lastSeq).toBe(3);
    expect(s.getSnapshot().outbox).toEqual([]);
  });

  it('shows a new message as pending until the server has it', async () => {
    const server = fakeServer(history());
    const storage = storedChat();
    const { s } = session(server.fetch, storage);
    await s.start();
    expect(s.send('Hello?')).toBe('sent');
    expect(s.getSnapshot().outbox.map((i) => i.text)).toEqual(['Hello?']);
    expect(storage.read().outbox).toHaveLength(1);
    await vi.waitFor(() => expect(s.getSnapshot().outbox).toEqual([]));
    expect(s.getSnapshot().timeline.events.at(-1)).toMatchObject({ type: 'message', message: { text: 'Hello?' } });
  });

  it('refetches the missing events when the socket skips a number', async () => {
    const server = fakeServer(history());
    const { s, socket } = session(server.fetch, storedChat());
    await s.start();
    server.events.push(messageEvent(3, 'agent', 'Which invoice?'), messageEvent(4, 'agent', 'Found it.'));
    socket().onEvent(server.events[3]!);
    await vi.waitFor(() => expect(s.getSnapshot().timeline.lastSeq).toBe(4));
    expect(server.requests).toContain(`GET /api/widget/conversations/${CONVERSATION_ID}/events?after=2`);
    expect(s.getSnapshot().timeline.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('catches up after a reconnect', async () => {
    const server = fakeServer(history());
    const { s, socket } = session(server.fetch, storedChat());
    await s.start();
    socket().onDisconnect();
    expect(s.getSnapshot().connection).toBe('reconnecting');
    server.events.push(messageEvent(3, 'agent', 'Are you still there?'));
    socket().onConnect();
    expect(s.getSnapshot().connection).toBe('online');
    await vi.waitFor(() => expect(s.getSnapshot().timeline.lastSeq).toBe(3));
  });

  it('shows the agent typing until the agent speaks or the chat ends', async () => {
    const server = fakeServer(history());
    const { s, socket } = session(server.fetch, storedChat());
    await s.start();
    const typing = { conversationId: CONVERSATION_ID, from: 'agent' as const, name: 'Bob de Vries', isTyping: true };
    socket().onTyping({ ...typing, from: 'customer' });
    expect(s.getSnapshot().agentTyping).toBeNull();
    socket().onTyping(typing);
    expect(s.getSnapshot().agentTyping).toBe('Bob de Vries');
    socket().onEvent(messageEvent(3, 'agent', 'Hello'));
    expect(s.getSnapshot().agentTyping).toBeNull();
    socket().onTyping(typing);
    socket().onEvent(endedEvent(4, 'agent'));
    expect(s.getSnapshot().agentTyping).toBeNull();
    expect(s.getSnapshot().status.state).toBe('wrap-up');
    expect(s.send('anyone?')).toBe('ended');
  });

  it('starts over when the stored conversation is no longer ours', async () => {
    const server = fakeServer(history());
    const storage = storedChat();
    const { s } = session(
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).includes('/conversations/')
          ? new Response(JSON.stringify({ message: 'gone' }), { status: 403 })
          : server.fetch(input, init),
      ),
      storage,
    );
    await s.start();
    expect(s.getSnapshot().phase).toBe('prechat');
    expect(storage.read()).toMatchObject({ token: null, conversationId: null, open: true });
  });
});
