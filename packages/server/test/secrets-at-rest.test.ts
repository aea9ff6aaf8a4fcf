import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox, parseKey } from '../src/security/secrets.js';
import { openDatabase, type Database } from '../src/store/db.js';
import { serverSettings } from '../src/store/schema.js';
import { getOrCreateSecret } from '../src/store/settings.js';
import { openTestDatabase, startServer, TEST_SECRET_KEY } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

const hexKey = () => randomBytes(32).toString('hex');
const box = (k: string, previous?: string) => createSecretBox(parseKey(k)!, previous ? [parseKey(previous)!] : []);
const stored = async (db: Database, key: string) =>
  (await db.db.select().from(serverSettings).where(eq(serverSettings.key, key)))[0]?.value;

// Server-wide settings are shared by every test on a database, so each server test here gets its own.
const ownDatabase = () => openDatabase({ dataDir: 'memory://' });
let shared: Database;
beforeAll(async () => {
  shared = await openTestDatabase();
});
afterAll(() => shared.close());

/** Signs in a fresh admin on `db` through a server with `env`; the server is closed afterwards. */
async function tokenFrom(db: Database, env: Record<string, string>) {
  const org = await buildOrg(db.db, { queues: ['Q'], users: [{ key: 'ada', role: 'admin' }] });
  const server = await startServer({ database: db, env: { DATABASE_URL: '', ...env } });
  try {
    return (await server.api().call('login', { body: { email: org.user('ada').email, password: PASSWORD } })).token;
  } finally {
    await server.close();
  }
}

async function worksOn(db: Database, env: Record<string, string>, token: string): Promise<boolean> {
  const server = await startServer({ database: db, env: { DATABASE_URL: '', ...env } });
  try {
    return await server
      .api(token)
      .call('me')
      .then(
        () => true,
        () => false,
      );
  } finally {
    await server.close();
  }
}

describe('secrets at rest (X3)', () => {
  it('stores the token secret sealed, and a restart with the same key still accepts old tokens', async () => {
    const db = await ownDatabase();
    try {
      const key = hexKey();
      const token = await tokenFrom(db, { SECRET_KEY: key });
      const value = (await stored(db, 'jwt_secret'))!;
      expect(value).toMatch(/^v1:/);
      const plain = box(key).open(value);
      expect(value).not.toContain(plain);
      expect(plain.length).toBeGreaterThanOrEqual(32);
      expect(await worksOn(db, { SECRET_KEY: key }, token)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('seals a plain secret from before encryption on the first start, keeping its value', async () => {
    const name = `legacy-${randomUUID()}`;
    await shared.db.insert(serverSettings).values({ key: name, value: 'an old plain-text secret' });
    expect(await getOrCreateSecret(shared.db, name, box(TEST_SECRET_KEY))).toBe('an old plain-text secret');
    const value = (await stored(shared, name))!;
    expect(value).toMatch(/^v1:/);
    expect(box(TEST_SECRET_KEY).open(value)).toBe('an old plain-text secret');
    expect(await getOrCreateSecret(shared.db, name, box(TEST_SECRET_KEY))).toBe('an old plain-text secret');
  });

  it('rotates the key: SECRET_KEY_PREVIOUS opens and re-seals, then the old key is no longer needed', async () => {
    const db = await ownDatabase();
    try {
      const oldKey = hexKey();
      const newKey = randomBytes(32).toString('base64');
      const token = await tokenFrom(db, { SECRET_KEY: oldKey });
      // The new key alone cannot open what the old one sealed: the server refuses to start, saying why.
      await expect(startServer({ database: db, env: { DATABASE_URL: '', SECRET_KEY: newKey } })).rejects.toThrow(
        /SECRET_KEY_PREVIOUS/,
      );
      expect(await worksOn(db, { SECRET_KEY: newKey, SECRET_KEY_PREVIOUS: oldKey }, token)).toBe(true);
      const value = (await stored(db, 'jwt_secret'))!;
      expect(() => box(oldKey).open(value)).toThrow();
      expect(await worksOn(db, { SECRET_KEY: newKey }, token)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('without SECRET_KEY, uses a key file created once in the data folder (mode 0600)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-secrets-'));
    try {
      const db = await ownDatabase();
      try {
        const env = { DATA_DIR: dir, SECRET_KEY: '' };
        const token = await tokenFrom(db, env);
        expect((await stat(path.join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
        expect(await worksOn(db, env, token)).toBe(true);
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a SECRET_KEY that is not 32 bytes, naming the setting', async () => {
    await expect(startServer({ database: shared, env: { SECRET_KEY: 'too-short' } })).rejects.toThrow(
      /SECRET_KEY: a key is 32 bytes/,
    );
  });
});
