import { toE164 } from '../../domain/contacts/phone.js';
import type { SendIo } from '../adapter.js';
import { outcomeOf, type TeleSignConfig } from './adapter.js';
import { readStatus, sendSms } from './messaging-client.js';

export const TEST_MESSAGE = 'Switchboard test message';

/** What TeleSign said to the test SMS: its status code (null when it did not answer) and its words. */
export type KeyValidation = { ok: boolean; statusCode: number | null; description: string; referenceId: string | null };

/** The number the admin typed is not one TeleSign takes; nothing was sent. */
export class TestNumberRefused extends Error {}

/**
 * The admin center's "Validate API key" (CH2): sends one test SMS with the channel's credentials
 * to a number the admin enters, digits with the country code and no '+' as TeleSign writes them,
 * and reports TeleSign's answer. A wrong key comes back as TeleSign's own "Not authorized".
 */
export async function validateTeleSignKey(
  config: TeleSignConfig,
  io: SendIo,
  phoneDigits: string,
): Promise<KeyValidation> {
  const digits = phoneDigits.trim();
  if (!/^\d+$/.test(digits)) {
    throw new TestNumberRefused(
      `"${phoneDigits}" is not a number TeleSign takes: write digits only, with the country code and no '+' ` +
        '(e.g. 31612345678)',
    );
  }
  if (toE164(digits) === null) {
    throw new TestNumberRefused(`${digits} is not a phone number: start with the country code (e.g. 31612345678)`);
  }
  const answer = await sendSms(config, io, {
    phoneDigits: digits,
    text: TEST_MESSAGE,
    messageType: config.messageType,
  });
  if (answer.kind !== 'answered') return { ok: false, statusCode: null, description: answer.reason, referenceId: null };
  const { code, description } = readStatus(answer.body);
  const outcome = outcomeOf(answer);
  return {
    ok: outcome.ok,
    statusCode: code,
    description: description || `TeleSign answered ${answer.httpStatus}`,
    referenceId: outcome.ok ? outcome.providerMessageId : null,
  };
}
