import { mayTypeToCustomer } from '../domain/conversation/participants.js';
import type { Db } from '../store/db.js';
import { getConversation } from '../store/conversations.js';
import { listParticipants } from '../store/participants.js';
import type { StaffIdentity } from './identity.js';

/** Whose typing reaches the customer (CV2), asked by the socket server for each staff typing signal. */
export function createTypingService({ db }: { db: Db }) {
  return {
    async mayTypeToCustomer(who: StaffIdentity, conversationId: string): Promise<boolean> {
      const c = await getConversation(db, who.orgId, conversationId);
      if (!c) return false;
      const facts = { state: c.state, accepted: c.acceptedAt !== null, agentId: c.agentId };
      // The participant list is read only for someone who is not the agent: consultants are rare.
      // Only a consultant allowed to write to the customer: one who writes notes only stays silent.
      const consulting = (p: {
        userId: string | null;
        role: string;
        leftAt: Date | null;
        mayMessageCustomer: boolean;
      }) => p.userId === who.userId && p.role === 'consultant' && p.leftAt === null && p.mayMessageCustomer;
      const consultant = c.agentId !== who.userId && (await listParticipants(db, who.orgId, c.id)).some(consulting);
      return mayTypeToCustomer(facts, { id: who.userId, activeConsultant: consultant });
    },
  };
}

export type TypingService = ReturnType<typeof createTypingService>;
