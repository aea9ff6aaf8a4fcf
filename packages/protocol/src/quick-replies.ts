import { z } from 'zod';
import { Id, MultiLine, SingleLine, Timestamp } from './common.js';
import { TemplateLanguage } from './outbound.js';

/**
 * Quick replies (AG4): texts an agent drops into the composer by typing `/`, per language, with
 * placeholders filled from the conversation. The organisation's are edited in the admin center;
 * every staff member keeps their own beside them.
 */

/** What a quick reply may say: each is filled from the conversation the agent answers in. */
export const QUICK_REPLY_PLACEHOLDERS = ['customerName', 'agentName', 'queue'] as const;
export type QuickReplyPlaceholder = (typeof QUICK_REPLY_PLACEHOLDERS)[number];
export type QuickReplyValues = Partial<Record<QuickReplyPlaceholder, string>>;

/** Organisation-wide (admins edit it) or one staff member's own (only they see and edit it). */
export const QuickReplyScope = z.enum(['organisation', 'personal']);
export type QuickReplyScope = z.infer<typeof QuickReplyScope>;

export const NewQuickReply = z.strictObject({
  /** What the agent types after `/` to find it; customers never see it. */
  title: SingleLine(80, { min: 1, minMessage: 'a quick reply needs a title' }),
  /** The text in each language it is written in; at least one. `{customerName}` and the like are filled in. */
  bodies: z
    .partialRecord(TemplateLanguage, MultiLine(4000, { min: 1, minMessage: 'a quick reply text cannot be empty' }))
    .refine((b) => Object.keys(b).length > 0, { message: 'write the quick reply in at least one language' }),
});
export type NewQuickReply = z.infer<typeof NewQuickReply>;

export const QuickReply = NewQuickReply.extend({ id: Id, scope: QuickReplyScope, updatedAt: Timestamp });
export type QuickReply = z.infer<typeof QuickReply>;
