import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadSecretBox, parseKey } from './secrets.js';

const key = () => randomBytes(32);

describe('sealed secrets (AES-256-GCM)', () => {
  it('opens what it sealed, and never stores the plain text', () => {
    const box = createSecretBox(key());
    const sealed = box.seal('the token secret');
    expect(sealed).toMatch(/^v1:[0-9a-f]{12}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain('the token secret');
    expect(box.open(sealed)).toBe('the token secret');
    // A fresh IV each time: the same plain text never seals to the same value.
    expect(box.seal('the token secret')).not.toBe(sealed);
  });

  it('refuses a tampered ciphertext, tag, iv or key id', () => {
    const box = createSecretBox(key());
    const sealed = box.seal('channel credential');
    const parts = sealed.split(':');
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[0] = b[0]! ^ 1;
      return b.toString('base64url');
    };
    for (const i of [2, 3, 4]) {
      const bad = parts.map((p, j) => (j === i ? flip(p) : p)).join(':');
      expect(() => box.open(bad), `part ${i}`).toThrow(/damaged|altered/);
    }
    expect(() => box.open(['v1', '000000000000', ...parts.slice(2)].join(':'))).toThrow(/this node does not have/);
    expect(() => box.open('plain text')).toThrow(/Not a sealed secret/);
  });

  it('refuses to open with the wrong key', () => {
    const sealed = createSecretBox(key()).seal('secret');
    expect(() => createSecretBox(key()).open(sealed)).toThrow(/this node does not have/);
  });

  it('after a rotation opens values of the previous key and says they need re-sealing', () => {
    const oldKey = key();
    const sealedOld = createSecretBox(oldKey).seal('secret');
    const rotated = createSecretBox(key(), [oldKey]);
    expect(rotated.open(sealedOld)).toBe('secret');
    expect(rotated.needsReseal(sealedOld)).toBe(true);
    const resealed = rotated.seal('secret');
    expect(rotated.needsReseal(resealed)).toBe(false);
    expect(() => createSecretBox(oldKey).open(resealed)).toThrow(/this node does not have/);
  });

  it('reads keys as 64 hex digits or base64 of 32 bytes, and nothing else', () => {
    const k = key();
    expect(parseKey(k.toString('hex'))).toEqual(k);
    expect(parseKey(k.toString('base64'))).toEqual(k);
    expect(parseKey(k.toString('base64url'))).toEqual(k);
    expect(parseKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(parseKey('not a key at all')).toBeUndefined();
    expect(parseKey('')).toBeUndefined();
  });

  it('creates a key file once, readable by its owner only, and reuses it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-key-'));
    const sealed = (await loadSecretBox({ dataDir: dir })).seal('secret');
    const file = path.join(dir, 'secret.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(parseKey(await readFile(file, 'utf8'))).toBeDefined();
    expect((await loadSecretBox({ dataDir: dir })).open(sealed)).toBe('secret');
  });

  it('refuses a memory:// data folder with a PostgreSQL server and no SECRET_KEY', async () => {
    await expect(loadSecretBox({ dataDir: 'memory://', databaseUrl: 'postgres://x@127.0.0.1/db' })).rejects.toThrow(
      /set SECRET_KEY/,
    );
    await expect(loadSecretBox({ dataDir: 'memory://', secretKey: 'short' })).rejects.toThrow(/not a valid key/);
  });
});
