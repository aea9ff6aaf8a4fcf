import { z } from 'zod';
import { Id, Presence, RequestInstant, Timestamp } from './common.js';

/** The start of the agent's day, as their browser knows it (local midnight); default: UTC midnight. */
export const AgentHomeQuery = z.object({ since: RequestInstant.optional() });
export type AgentHomeQuery = z.input<typeof AgentHomeQuery>;

/** One capacity profile the agent has (RT4): items in use against its limit. */
export const AgentProfileUse = z.object({
  id: Id,
  name: z.string(),
  used: z.number().int(),
  limit: z.number().int(),
  blocksAssignment: z.boolean(),
});
export type AgentProfileUse = z.infer<typeof AgentProfileUse>;

/** The agent's day so far: work offered and taken, conversations closed, how long they took. */
export const AgentDay = z.object({
  since: Timestamp,
  offered: z.number().int(),
  accepted: z.number().int(),
  /** Offers rejected or let run out. */
  missed: z.number().int(),
  closed: z.number().int(),
  /** From acceptance to close, over the conversations closed today; null when none. */
  averageHandleSeconds: z.number().nullable(),
});
export type AgentDay = z.infer<typeof AgentDay>;

/** The agent dashboard's home view (AG10): presence, capacity in use, the day's counts. */
export const AgentHome = z.object({
  presence: Presence,
  /** The custom presence chosen, if any; its base is `presence`. */
  presenceName: z.string().nullable(),
  capacity: z.object({ used: z.number().int(), total: z.number().int() }),
  /** Conversations held against the organisation's session limit (null: no limit). */
  sessions: z.object({ held: z.number().int(), limit: z.number().int().nullable() }),
  profiles: z.array(AgentProfileUse),
  /** Ongoing work: accepted and active, waiting, or in wrap-up. */
  ongoing: z.number().int(),
  today: AgentDay,
});
export type AgentHome = z.infer<typeof AgentHome>;
