import { z } from 'zod';
import { Id, MultiLine, Presence, Timestamp } from './common.js';

/**
 * Transfer (AG5): the primary agent hands the conversation to another agent, who accepts or
 * rejects, or to another queue, where routing takes it as new work.
 */
const Note = MultiLine(500).default('');

export const TransferRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('agent'), agentId: Id, note: Note }),
  z.strictObject({ kind: z.literal('queue'), queueId: Id, note: Note }),
]);
export type TransferRequest = z.input<typeof TransferRequest>;

/** A supervisor transfers an agent's conversation to another member of its queue (SV5). */
export const SupervisorTransferRequest = z.strictObject({ agentId: Id, note: Note });
export type SupervisorTransferRequest = z.input<typeof SupervisorTransferRequest>;

/** A member of the conversation's queue, and whether they can take it now (and why not). */
export const TransferAgentOption = z.object({
  agentId: Id,
  name: z.string(),
  presence: Presence,
  /** Capacity units left; null when the conversation is charged by profile. */
  freeUnits: z.number().int().nullable(),
  available: z.boolean(),
  reason: z.string().nullable(),
});
export type TransferAgentOption = z.infer<typeof TransferAgentOption>;

export const TransferQueueOption = z.object({ queueId: Id, name: z.string(), open: z.boolean() });
export type TransferQueueOption = z.infer<typeof TransferQueueOption>;

export const TransferOptions = z.object({
  agents: z.array(TransferAgentOption),
  /** Every other queue of the organisation. */
  queues: z.array(TransferQueueOption),
});
export type TransferOptions = z.infer<typeof TransferOptions>;

/**
 * Consult (AG5): the primary agent asks another agent of the queue, or a supervisor, to join; the
 * consultant writes notes, and to the customer only when the primary allows it.
 */
export const ConsultRequest = z.strictObject({ userId: Id, note: Note });
export type ConsultRequest = z.input<typeof ConsultRequest>;

export const ConsultOptions = z.object({
  agents: z.array(TransferAgentOption),
  supervisors: z.array(z.object({ userId: Id, name: z.string(), presence: Presence })),
});
export type ConsultOptions = z.infer<typeof ConsultOptions>;

export const ConsultantPermission = z.strictObject({ mayMessageCustomer: z.boolean() });

/** A transfer or consult waiting for the receiving agent's answer: what their notification shows. */
export const PendingTransfer = z.object({
  id: Id,
  kind: z.enum(['transfer', 'consult']),
  conversationId: Id,
  customerName: z.string(),
  firstMessage: z.string().nullable(),
  queueName: z.string().nullable(),
  fromName: z.string(),
  note: z.string(),
  waitingSince: Timestamp,
  requestedAt: Timestamp,
  expiresAt: Timestamp,
});
export type PendingTransfer = z.infer<typeof PendingTransfer>;

export const TransferOutcome = z.enum(['accepted', 'rejected', 'timeout', 'withdrawn']);
export type TransferOutcome = z.infer<typeof TransferOutcome>;

/** Pushed to the receiving agent when their pending transfer is answered or goes. */
export const TransferClosed = z.object({ id: Id, conversationId: Id, outcome: TransferOutcome });
export type TransferClosed = z.infer<typeof TransferClosed>;
