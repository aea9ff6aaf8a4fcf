import type { TransferOptions } from '@switchboard/protocol';
import { transferCandidates } from '../domain/conversation/transfer.js';
import { conflict, notFound } from '../domain/errors.js';
import { getConversation, type ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { pendingTransferOf } from '../store/handoffs.js';
import { loadRoutingConfig } from '../store/routing-config.js';
import { loadAgents } from '../store/routing-snapshot.js';
import type { ConversationKit } from './conversation-kit.js';
import type { EventLog } from './event-log.js';
import type { StaffIdentity } from './identity.js';
import { supervisorCheck } from './supervisor-check.js';
import { targetRules } from './transfer-rules.js';

/** The agent's transfer request (transfers.ts): asked of `agentId` by `who`, from the agent `fromUserId`. */
export type RequestTransfer = (
  tx: Db,
  log: EventLog,
  who: StaffIdentity,
  c: ConversationRow,
  agentId: string,
  note: string,
  fromUserId: string,
) => Promise<void>;

/**
 * A supervisor's transfer (SV5) of an active or waiting conversation an agent holds: decided by
 * domain/supervision, then the agent's own transfer path (`request`), so the receiver answers the
 * same notification and their accept (transfers.ts) completes it; the first agent stays as a consultant.
 */
export function supervisorTransfers(kit: ConversationKit, request: RequestTransfer) {
  const { db, clock, command, lockWithAgentOrThrow } = kit;

  async function supervisorMay(tx: Db, who: StaffIdentity, c: ConversationRow) {
    const part = c.agentId === who.userId ? 'primary' : null;
    const transferPending = (await pendingTransferOf(tx, c.orgId, c.id)) !== undefined;
    await supervisorCheck(tx, who, c, 'transfer', { part, transferPending });
    if (part === 'primary') throw conflict('it is your own conversation: transfer it from your workspace');
  }

  return {
    async supervisorOptions(who: StaffIdentity, id: string): Promise<TransferOptions> {
      const c = await getConversation(db, who.orgId, id);
      if (!c) throw notFound('conversation');
      await supervisorMay(db, who, c);
      const now = clock.now();
      const [config, agents] = await Promise.all([loadRoutingConfig(db, who.orgId), loadAgents(db, who.orgId, now)]);
      return { agents: transferCandidates(agents, targetRules(c, config, c.agentId!)), queues: [] };
    },

    async supervisorTransfer(who: StaffIdentity, id: string, input: { agentId: string; note?: string }) {
      await command(async (tx, log) => {
        const c = await lockWithAgentOrThrow(tx, who.orgId, id);
        await supervisorMay(tx, who, c);
        await request(tx, log, who, c, input.agentId, input.note ?? '', c.agentId!);
      });
    },
  };
}
