import { commandRefusal, type CommandFacts, type SupervisorCommand } from '../domain/supervision/commands.js';
import { refusalError } from '../domain/supervision/switches.js';
import type { ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { switchesOf } from '../store/supervision.js';
import type { StaffIdentity } from './identity.js';

/**
 * Asks domain/supervision whether `who` may give `command` on this conversation now, from the facts
 * read in the caller's transaction, and throws the refusal (nothing is written then).
 */
export async function supervisorCheck(
  tx: Db,
  who: StaffIdentity,
  c: ConversationRow,
  command: SupervisorCommand,
  facts: { part: CommandFacts['part']; transferPending?: boolean },
): Promise<void> {
  const refusal = commandRefusal(command, {
    who: { userId: who.userId, role: who.role },
    switches: await switchesOf(tx, who.orgId),
    part: facts.part,
    conversation: {
      state: c.state,
      accepted: c.acceptedAt !== null,
      agentId: c.agentId,
      modality: 'messaging',
      transferPending: facts.transferPending ?? false,
    },
  });
  if (refusal) throw refusalError(refusal);
}
