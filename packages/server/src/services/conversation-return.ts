import type { Actor } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import type { ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { addParticipant, leaveAll } from '../store/participants.js';
import type { EventLog } from './event-log.js';
import { transition } from './conversation-steps.js';

/**
 * Whether a new text reopens this closed conversation (CV1): on an asynchronous channel, within the
 * workstream's reopen window after it closed. Null window: never.
 */
export function withinReopenWindow(closedAt: Date | null, windowMinutes: number | null, now: Date): boolean {
  if (!closedAt || windowMinutes === null) return false;
  return now.getTime() - closedAt.getTime() <= windowMinutes * 60_000;
}

/**
 * The customer writes again (CV1): a waiting conversation (the customer-return) or a closed one in
 * its reopen window goes back to its queue, as new work from now. The agent who had it is kept as
 * the affinity agent, so with affinity on routing offers it to them first.
 */
export async function backToQueue(
  tx: Db,
  log: EventLog,
  clock: Clock,
  c: ConversationRow,
  cmd: 'customer-return' | 'reopen',
) {
  const now = clock.now();
  const actor: Actor = { type: 'customer', id: null, name: c.customerName };
  const reason = cmd === 'reopen' ? 'the customer wrote again after it closed' : 'the customer wrote again';
  await transition(tx, log, clock, c, cmd, actor, reason, {
    public: true,
    patch: {
      agentId: null,
      previousAgentId: c.agentId ?? c.previousAgentId,
      acceptedAt: null,
      endedAt: null,
      closedAt: null,
      releaseCapacityAt: null,
      waitingSince: now,
      routingAge: now,
      lastCustomerMessageAt: now,
    },
  });
  if (cmd === 'reopen') {
    await leaveAll(tx, c.orgId, c.id, now);
    await addParticipant(tx, {
      orgId: c.orgId,
      conversationId: c.id,
      userId: null,
      role: 'customer',
      name: c.customerName,
      at: now,
    });
  }
}
