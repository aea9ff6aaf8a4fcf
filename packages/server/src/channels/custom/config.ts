import { z } from 'zod';
import { toE164 } from '../../domain/contacts/phone.js';

/**
 * A custom channel as the admin enters it (CH7): an external program plays the provider. It posts
 * to our webhook and takes our replies at `apiBaseUrl`, both signed with `sharedSecret`.
 */

/** How the channel writes addresses: phone numbers (kept in E.164) or the program's own handles. */
export const AddressKind = z.enum(['phone', 'opaque']);
export type AddressKind = z.infer<typeof AddressKind>;

export const Address = z.string().trim().min(1, 'an address cannot be empty').max(64, 'at most 64 characters');

/** An address in the channel's kind: E.164 for 'phone', as written for 'opaque'; null when it is not one. */
export function addressOf(raw: string, kind: AddressKind): string | null {
  const text = raw.trim();
  if (text === '') return null;
  return kind === 'phone' ? toE164(text) : text;
}

export const CustomConfig = z
  .strictObject({
    // Printable ASCII, so the HMAC key is the same bytes in any language the program is written in.
    sharedSecret: z
      .string()
      .min(32, 'the shared secret needs at least 32 characters (e.g. the output of `openssl rand -hex 32`)')
      .regex(/^[\x21-\x7E]+$/, 'the shared secret is printable ASCII without spaces'),
    /** The channel's own addresses (a number, a bot handle); the first is the sender of replies. */
    numbers: z.array(Address).min(1, "at least one of the channel's own addresses: the first sends the replies"),
    addressKind: AddressKind.default('opaque'),
    /** Where the program takes our replies: each is POSTed to this URL itself. Null: none yet, sends fail. */
    apiBaseUrl: z
      .url({ protocol: /^https?$/, error: 'the outbound URL must be an http or https URL' })
      .nullable()
      .default(null),
  })
  .transform((config, ctx) => {
    const numbers = config.numbers.map((raw, i) => {
      const address = addressOf(raw, config.addressKind);
      if (address === null) {
        const message = `"${raw}" is not a phone number: write it with its country code, as +31612345678`;
        ctx.addIssue({ code: 'custom', path: ['numbers', i], message });
      }
      return address ?? raw;
    });
    return { ...config, numbers };
  });
export type CustomConfig = z.output<typeof CustomConfig>;
