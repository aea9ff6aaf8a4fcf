import { z } from 'zod';
import { Email, Id, Presence, Role, SingleLine } from './common.js';

export const LoginRequest = z.strictObject({
  email: Email,
  // Not trimmed: a password is what it is, spaces included.
  password: SingleLine(200, { min: 1, minMessage: 'password is required', trim: false }),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StaffUser = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  presence: Presence,
  capacity: z.number().int(),
  usedCapacity: z.number().int(),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const LoginResponse = z.object({ token: z.string(), user: StaffUser });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A base presence, or the id of one of the organisation's custom presences. */
export const SetPresenceRequest = z.strictObject({ presence: z.union([Presence, Id]) });
export type SetPresenceRequest = z.infer<typeof SetPresenceRequest>;
