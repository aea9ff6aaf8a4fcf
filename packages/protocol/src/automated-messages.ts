import { z } from 'zod';
import { Channel, MultiLine, Timestamp } from './common.js';
import { TemplateLanguage } from './outbound.js';

/**
 * Automated messages (CH6): what Switchboard itself tells the customer when something happens to
 * their conversation, per channel and per language, edited in the admin center.
 */
export const AUTOMATED_TRIGGERS = ['queued', 'outside-hours', 'transfer', 'assigned', 'agent-ended'] as const;
export const AutomatedTrigger = z.enum(AUTOMATED_TRIGGERS);
export type AutomatedTrigger = z.infer<typeof AutomatedTrigger>;

export const AutomatedMessageKey = z.strictObject({ channel: Channel, trigger: AutomatedTrigger });

export const AutomatedMessageInput = z.strictObject({
  enabled: z.boolean(),
  /** The admin's own text per language; a language left out says the built-in text. */
  bodies: z.partialRecord(
    TemplateLanguage,
    MultiLine(1600, { min: 1, minMessage: 'an automated message cannot be empty; leave the language out instead' }),
  ),
});
export type AutomatedMessageInput = z.infer<typeof AutomatedMessageInput>;

export const AutomatedMessage = AutomatedMessageInput.extend({
  channel: Channel,
  trigger: AutomatedTrigger,
  /** The built-in text per language, said where the admin wrote none. */
  defaults: z.record(TemplateLanguage, z.string()),
  /** Null until an admin saved it. */
  updatedAt: Timestamp.nullable(),
});
export type AutomatedMessage = z.infer<typeof AutomatedMessage>;
