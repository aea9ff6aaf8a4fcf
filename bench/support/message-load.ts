import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { SocketEvents, type ConversationEvent } from '@switchboard/protocol';
import { pct, sleep } from './format.js';
import type { ChatPair, Side } from './chat-pairs.js';

export type LoadResult = {
  sent: number;
  persisted: number;
  failed: number;
  delivered: number;
  seconds: number;
  persistedPerSecond: number;
  deliveredPerSecond: number;
  p50: number;
  p99: number;
};

/** A message of a typical length (64 characters), different each time. */
export const messageText = (n: number) =>
  `Hello, about my order ${String(n).padStart(8, '0')}: has it been shipped yet?`.padEnd(64, '.');

/**
 * Customers and agents take turns in every chat: REST in, and the time until the other side's
 * socket has the message. Without `rate`, every chat sends its next message as soon as the last
 * one is acknowledged; with it, messages go out at `rate` per second over all chats. Bounded by
 * `messages` and by `seconds`.
 */
export async function runMessageLoad(
  pairs: ChatPair[],
  opts: { messages: number; seconds: number; rate?: number },
): Promise<LoadResult> {
  const pending = new Map<string, { to: Side; t0: number }>();
  const latencies: number[] = [];
  let lastDelivery = 0;
  const onEvent = (side: Side) => (e: ConversationEvent) => {
    if (e.type !== 'message' || !e.message.clientMessageId) return;
    const p = pending.get(e.message.clientMessageId);
    if (!p || p.to !== side) return;
    pending.delete(e.message.clientMessageId);
    lastDelivery = performance.now();
    latencies.push(lastDelivery - p.t0);
  };
  // An agent's one socket carries all of their chats: one listener per socket.
  const listeners = new Map<Socket, (e: ConversationEvent) => void>();
  for (const pair of pairs) {
    listeners.set(pair.customer.socket, onEvent('customer'));
    listeners.set(pair.agent.socket, onEvent('agent'));
  }
  for (const [socket, fn] of listeners) socket.on(SocketEvents.conversationEvent, fn);

  let sent = 0,
    persisted = 0,
    failed = 0,
    lastAck = 0;
  const turn = new Map<string, number>();
  const send = async (pair: ChatPair) => {
    const n = sent++;
    const k = turn.get(pair.id) ?? 0;
    turn.set(pair.id, k + 1);
    const from: Side = k % 2 === 0 ? 'customer' : 'agent';
    const clientMessageId = randomUUID();
    pending.set(clientMessageId, { to: from === 'customer' ? 'agent' : 'customer', t0: performance.now() });
    try {
      const body = { clientMessageId, text: messageText(n) };
      if (from === 'customer') await pair.customer.api.call('visitorSend', { params: { id: pair.id }, body });
      else await pair.agent.api.call('sendMessage', { params: { id: pair.id }, body });
      persisted++;
      lastAck = performance.now();
    } catch {
      failed++;
      pending.delete(clientMessageId);
    }
  };

  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  if (!opts.rate) {
    await Promise.all(
      pairs.map(async (pair) => {
        while (sent < opts.messages && performance.now() < deadline) await send(pair);
      }),
    );
  } else {
    const inFlight = new Set<Promise<void>>();
    while (sent < opts.messages && performance.now() < deadline) {
      const due = Math.floor(((performance.now() - start) / 1000) * opts.rate);
      while (sent < Math.min(due, opts.messages)) {
        const p = send(pairs[sent % pairs.length]!).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await sleep(2);
    }
    await Promise.all(inFlight);
  }
  // Deliveries still on their way get five more seconds; whatever has not arrived by then is lost.
  for (const until = performance.now() + 5000; pending.size && performance.now() < until;) await sleep(10);
  for (const [socket, fn] of listeners) socket.off(SocketEvents.conversationEvent, fn);

  latencies.sort((a, b) => a - b);
  const seconds = (lastAck - start) / 1000;
  return {
    sent,
    persisted,
    failed,
    delivered: latencies.length,
    seconds,
    persistedPerSecond: persisted / seconds,
    deliveredPerSecond: latencies.length / ((lastDelivery - start) / 1000),
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
  };
}
