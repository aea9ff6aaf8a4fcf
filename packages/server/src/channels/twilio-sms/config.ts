import { z } from 'zod';
import { PhoneNumberText } from '@switchboard/protocol';
import { toOurNumber } from '../../domain/contacts/phone.js';

/** A Twilio SID: two letters saying what it names, then 32 hex digits. */
const Sid = (prefix: 'AC' | 'MG', what: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `${what} is ${prefix} followed by 32 hex digits`);

/** One of our numbers, as the admin typed it: a long code kept in E.164, or a short code (CH2). */
const OurNumber = PhoneNumberText.transform((raw, ctx) => {
  const number = toOurNumber(raw);
  if (number === null) {
    ctx.addIssue({
      code: 'custom',
      message: `"${raw}" is not a phone number: write it with its country code, e.g. +31612345678, or a short code`,
    });
    return z.NEVER;
  }
  return number;
});

/** A Twilio SMS channel as the admin configures it (CH2). `authToken` is the one secret. */
export const TwilioConfig = z
  .strictObject({
    accountSid: Sid('AC', 'the account SID'),
    authToken: z.string().trim().min(1, 'the auth token is required').max(200),
    numbers: z.array(OurNumber).max(100),
    messagingServiceSid: Sid('MG', 'the messaging service SID').nullable().default(null),
    apiBaseUrl: z
      .url({ protocol: /^https?$/, error: 'the API base URL is an http(s) URL' })
      .nullable()
      .default(null),
  })
  .superRefine((config, ctx) => {
    // Twilio needs a sender: one of our numbers, or a messaging service that picks one.
    if (config.numbers.length === 0 && config.messagingServiceSid === null) {
      ctx.addIssue({ code: 'custom', path: ['numbers'], message: 'add a number, or set a messaging service SID' });
    }
  });
export type TwilioConfig = z.infer<typeof TwilioConfig>;
