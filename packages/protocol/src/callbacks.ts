import { z } from 'zod';
import { Email, Id, MultiLine, SingleLine, Timestamp } from './common.js';

/**
 * A customer's request to be called back, made in the widget after a queue's overflow offered it
 * (AG11). A phone number or an email is needed: the agent has no chat to answer in.
 */
export const CallbackRequest = z
  .strictObject({
    name: SingleLine(120, { min: 1, minMessage: 'name is required' }),
    phone: SingleLine(40).optional(),
    email: Email.optional(),
    /** When the customer would like the call; absent or past means as soon as possible. */
    preferredAt: Timestamp.optional(),
    note: MultiLine(1000).default(''),
  })
  .refine((r) => (r.phone ?? '').trim() !== '' || r.email !== undefined, {
    message: 'give a phone number or an email address',
    path: ['phone'],
  });
export type CallbackRequest = z.input<typeof CallbackRequest>;

/** scheduled: waiting for its time; queued: a work item of its queue; cancelled: it will not be made. */
export const CallbackState = z.enum(['scheduled', 'queued', 'cancelled']);
export type CallbackState = z.infer<typeof CallbackState>;

export const Callback = z.object({
  id: Id,
  queueId: Id,
  queueName: z.string().nullable(),
  name: z.string(),
  /** E.164. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  note: z.string(),
  preferredAt: Timestamp.nullable(),
  /** When it becomes a work item: the preferred time, or when it was asked for. */
  dueAt: Timestamp,
  state: CallbackState,
  createdAt: Timestamp,
  /** The chat that overflowed and the work item made from this request. */
  sourceConversationId: Id.nullable(),
  workConversationId: Id.nullable(),
});
export type Callback = z.infer<typeof Callback>;

/** What the visitor's chat says of a callback: offered (the form to fill), or the request they made. */
export const VisitorCallback = z.object({
  offered: z.boolean(),
  request: Callback.pick({
    name: true,
    phone: true,
    email: true,
    preferredAt: true,
    dueAt: true,
    state: true,
  }).nullable(),
});
export type VisitorCallback = z.infer<typeof VisitorCallback>;
