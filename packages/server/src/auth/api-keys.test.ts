import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueApiKey, looksLikeApiKey, parseApiKey, secretMatches } from './api-keys.js';

describe('API keys (AD1)', () => {
  it('issues sbk_<prefix>_<secret> with 32 random bytes, and keeps only the SHA-256 of the secret', () => {
    const issued = issueApiKey();
    const parsed = parseApiKey(issued.key);
    expect(parsed?.prefix).toBe(issued.prefix);
    expect(Buffer.from(parsed!.secret, 'base64url')).toHaveLength(32);
    expect(issued.secretHash).toBe(createHash('sha256').update(parsed!.secret).digest('hex'));
    expect(issued.secretHash).not.toContain(parsed!.secret);
    expect(looksLikeApiKey(issued.key)).toBe(true);
  });

  it('never issues the same prefix or secret twice', () => {
    const keys = Array.from({ length: 200 }, () => issueApiKey());
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(200);
    expect(new Set(keys.map((k) => k.secretHash)).size).toBe(200);
  });

  it('matches the secret it was issued with, and nothing else', () => {
    const { key, secretHash } = issueApiKey();
    const { secret } = parseApiKey(key)!;
    expect(secretMatches(secret, secretHash)).toBe(true);
    const changed = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(secretMatches(changed, secretHash)).toBe(false);
    expect(secretMatches(secret, 'not a hash')).toBe(false);
  });

  it.each([
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.e30.x'],
    ['no secret', 'sbk_0123456789abcdef_'],
    ['a short prefix', `sbk_0123_${'a'.repeat(43)}`],
    ['an upper-case prefix', `sbk_0123456789ABCDEF_${'a'.repeat(43)}`],
    ['a short secret', `sbk_0123456789abcdef_${'a'.repeat(42)}`],
    ['a secret with padding', `sbk_0123456789abcdef_${'a'.repeat(42)}=`],
    ['trailing text', `sbk_0123456789abcdef_${'a'.repeat(43)} `],
  ])('refuses to parse %s', (_what, key) => {
    expect(parseApiKey(key)).toBeNull();
  });
});
