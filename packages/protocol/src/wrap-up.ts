import { z } from 'zod';
import { Id, MultiLine, SingleLine } from './common.js';

/**
 * The wrap-up form (AG4): what the conversation came to, picked from the organisation's list of
 * disposition codes (admins keep it), and the agent's summary note. Both are stored on the conversation.
 */

export const NewDispositionCode = z.strictObject({
  name: SingleLine(80, { min: 1, minMessage: 'a disposition code needs a name' }),
  /** A retired code (false) is no longer offered at wrap-up; the conversations that carry it keep it. */
  active: z.boolean().default(true),
});
export type NewDispositionCode = z.infer<typeof NewDispositionCode>;

export const DispositionCode = NewDispositionCode.extend({ id: Id });
export type DispositionCode = z.infer<typeof DispositionCode>;

/** What the primary agent sends: no code (null) is allowed, a note alone too. */
export const WrapUpForm = z.strictObject({
  dispositionCodeId: Id.nullable(),
  note: MultiLine(4000).default(''),
});
export type WrapUpForm = z.infer<typeof WrapUpForm>;

/** The conversation's wrap-up as saved; `dispositionName` names the code even once it is retired. */
export const WrapUp = z.object({
  dispositionCodeId: Id.nullable(),
  dispositionName: z.string().nullable(),
  /** Empty when no note was written. */
  note: z.string(),
});
export type WrapUp = z.infer<typeof WrapUp>;
