import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * base64(HMAC-SHA256) keyed with the decoded API key: how TeleSign signs its callbacks (over the
 * raw body) and the requests made to it (over the string to sign). CH2.
 */
export function signWithApiKey(apiKey: string, data: string | Buffer): string {
  return createHmac('sha256', Buffer.from(apiKey, 'base64')).update(data).digest('base64');
}

/** Whether two signatures are equal, in time that does not depend on where they differ. */
export function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
