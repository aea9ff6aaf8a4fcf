import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// An API key (AD1) is `sbk_<prefix>_<secret>`: the prefix (16 hex characters, unique) finds its
// row and names it in lists; the secret (32 random bytes, base64url) is kept only as its SHA-256.
// A plain hash is enough: 256 random bits cannot be guessed from it, unlike a password.
const KEY = /^sbk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export type IssuedKey = { key: string; prefix: string; secretHash: string };

/** Whether a bearer credential is an API key rather than a signed token (a JWT never starts so). */
export const looksLikeApiKey = (credential: string) => credential.startsWith('sbk_');

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A new key: the whole of it for the admin to copy once, and what is stored. */
export function issueApiKey(): IssuedKey {
  const prefix = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `sbk_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

/** The prefix and secret of a well-formed key, or null. */
export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const m = KEY.exec(key);
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
}

/** Compares in constant time, so the answer's timing does not tell how much of a guess was right. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
