import { z } from 'zod';
import { Email, Id, PersonRole, SingleLine, Timestamp } from './common.js';

/** A password an admin sets: at least 8 characters, spaces included (not trimmed). */
export const NewPassword = SingleLine(200, { min: 8, minMessage: 'a password has at least 8 characters', trim: false });

/** A staff account as the admin center lists it (AD1). */
export const StaffAccount = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: PersonRole,
  /** Disabled: cannot sign in, and their sessions stop working on the next request. */
  disabled: z.boolean(),
  createdAt: Timestamp,
});
export type StaffAccount = z.infer<typeof StaffAccount>;

const accountFields = {
  name: SingleLine(200, { min: 1, minMessage: 'name is required' }),
  email: Email,
  // API clients have their own routes (api-clients.ts): no account here becomes one or is one.
  role: PersonRole,
};

export const NewStaffAccount = z.strictObject({ ...accountFields, password: NewPassword });
export type NewStaffAccount = z.infer<typeof NewStaffAccount>;

/** A change to an account; `password` resets it (the person signs in with the new one). */
export const StaffAccountChange = z.strictObject({
  ...accountFields,
  disabled: z.boolean(),
  password: NewPassword.optional(),
});
export type StaffAccountChange = z.infer<typeof StaffAccountChange>;

/** The admin center's account form: a password to set, or empty to keep the one they have. */
export const StaffAccountForm = StaffAccountChange.extend({
  password: z
    .string()
    .max(200, 'at most 200 characters')
    .refine((p) => p === '' || p.length >= 8, 'a password has at least 8 characters'),
});
export type StaffAccountForm = z.infer<typeof StaffAccountForm>;
