import { z } from 'zod';

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

export const Role = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

/** Base presences that routing understands (SPEC AG1). */
export const Presence = z.enum(['available', 'busy', 'busy-dnd', 'away', 'offline']);
export type Presence = z.infer<typeof Presence>;

/** Conversation lifecycle states (SPEC CV1). */
export const ConversationState = z.enum(['open', 'active', 'waiting', 'wrap-up', 'closed']);
export type ConversationState = z.infer<typeof ConversationState>;

export const Channel = z.enum(['webchat']);
export type Channel = z.infer<typeof Channel>;

/** Every error response has this shape; `message` is meant for people. */
export const ApiError = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const Timestamp = z.iso.datetime({ offset: true });
