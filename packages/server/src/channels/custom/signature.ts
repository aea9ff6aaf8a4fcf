import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SignedWebhook, VerifyResult } from '../adapter.js';

/**
 * How a custom channel's posts are signed, both ways (CH7): `X-Switchboard-Signature: v1=<hex>`,
 * the HMAC-SHA256 keyed with the shared secret over `<timestamp>.<raw body>`, with the unix time in
 * `X-Switchboard-Timestamp`. The timestamp is signed too, so an old post cannot be given a new one.
 */

export const TIMESTAMP_HEADER = 'x-switchboard-timestamp';
export const SIGNATURE_HEADER = 'x-switchboard-signature';
/** A post whose timestamp is further than this from our clock is refused: a replay, or a clock gone wrong. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/** Hex HMAC-SHA256 of `<timestamp>.<body>`, keyed with the secret's bytes. */
export function signatureOf(sharedSecret: string, timestamp: string, body: string | Buffer): string {
  return createHmac('sha256', sharedSecret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The two headers that sign `body` at `nowMs`. */
export function signatureHeaders(sharedSecret: string, body: string, nowMs = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'X-Switchboard-Timestamp': timestamp,
    'X-Switchboard-Signature': `v1=${signatureOf(sharedSecret, timestamp, body)}`,
  };
}

/** A JSON post to `url`, signed at `nowMs`. */
export function signedPost(url: string, sharedSecret: string, payload: unknown, nowMs = Date.now()): SignedWebhook {
  const body = JSON.stringify(payload);
  return {
    url,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...signatureHeaders(sharedSecret, body, nowMs) },
    body,
  };
}

export type SignedParts = { timestamp: string | undefined; signature: string | undefined; body: Buffer };

/**
 * Whether the parts were signed with the secret, within the replay window around `nowMs`. Pure (the
 * clock is a parameter) so tests can pin the window's edges; the comparison is constant-time.
 */
export function checkSignature(parts: SignedParts, sharedSecret: string, nowMs: number): VerifyResult {
  const timestamp = parts.timestamp?.trim();
  const signature = parts.signature?.trim();
  if (!timestamp) return { ok: false, reason: 'no X-Switchboard-Timestamp header' };
  if (!signature) return { ok: false, reason: 'no X-Switchboard-Signature header' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Switchboard-Timestamp is not unix seconds' };
  const given = /^v1=([0-9a-f]{64})$/i.exec(signature);
  if (!given) return { ok: false, reason: 'X-Switchboard-Signature is not "v1=" and 64 hex digits' };
  const expected = Buffer.from(signatureOf(sharedSecret, timestamp, parts.body), 'hex');
  if (!timingSafeEqual(Buffer.from(given[1]!, 'hex'), expected)) {
    return {
      ok: false,
      reason: "the signature does not match the timestamp and body signed with this channel's secret",
    };
  }
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > REPLAY_WINDOW_SECONDS) {
    const window = `outside the ${REPLAY_WINDOW_SECONDS} s window`;
    return { ok: false, reason: `X-Switchboard-Timestamp is ${Math.round(skew)} s from our clock, ${window}` };
  }
  return { ok: true };
}
