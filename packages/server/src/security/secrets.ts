import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Secrets at rest (X3): the token-signing secret today, channel credentials next. A sealed value is
 * `v1:<key id>:<iv>:<tag>:<ciphertext>` (AES-256-GCM, base64url parts): the key id names the key that
 * sealed it, so after a rotation values sealed with the previous key still open and can be re-sealed.
 */
export type SecretBox = {
  /** Id of the key new values are sealed with. */
  readonly keyId: string;
  seal(plain: string): string;
  /** The plain text; throws on a tampered value or one sealed with a key this box does not hold. */
  open(sealed: string): string;
  /** Whether a stored value is sealed (a plain value predates encryption and must be sealed). */
  isSealed(value: string): boolean;
  /** Whether a sealed value was sealed with a key other than the current one (rotation). */
  needsReseal(sealed: string): boolean;
};

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** A key as written in SECRET_KEY or the key file: 32 bytes as 64 hex digits or as base64 (or base64url). */
export function parseKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return undefined;
  const bytes = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === KEY_BYTES ? bytes : undefined;
}

export const KEY_FORMAT_HINT =
  'a key is 32 bytes written as 64 hex digits or as base64 (e.g. `openssl rand -base64 32`)';

/** A short public id of a key (a hash, so it says nothing about the key itself). */
export const keyIdOf = (key: Buffer) =>
  createHash('sha256').update('switchboard-secret-key-id:').update(key).digest('hex').slice(0, 12);

const b64 = (b: Buffer) => b.toString('base64url');

/** A box sealing with `current` and opening with `current` or any of `previous`. */
export function createSecretBox(current: Buffer, previous: Buffer[] = []): SecretBox {
  for (const k of [current, ...previous])
    if (k.length !== KEY_BYTES) throw new Error(`A secret key must be ${KEY_BYTES} bytes`);
  const keyId = keyIdOf(current);
  const keys = new Map<string, Buffer>([...previous.map((k) => [keyIdOf(k), k] as const), [keyId, current]]);

  const parts = (sealed: string) => {
    const p = sealed.split(':');
    if (p.length !== 5 || p[0] !== VERSION)
      throw new Error('Not a sealed secret (expected v1:<key id>:<iv>:<tag>:<ciphertext>)');
    const bytes = (i: number) => Buffer.from(p[i]!, 'base64url');
    return { kid: p[1]!, iv: bytes(2), tag: bytes(3), data: bytes(4) };
  };

  return {
    keyId,
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      // The key id is authenticated too: a value cannot be relabelled to another key.
      cipher.setAAD(Buffer.from(`${VERSION}:${keyId}`));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, keyId, b64(iv), b64(cipher.getAuthTag()), b64(data)].join(':');
    },
    open(sealed) {
      const { kid, iv, tag, data } = parts(sealed);
      const key = keys.get(kid);
      if (!key) {
        throw new Error(
          `This secret was sealed with key ${kid}, which this node does not have: set SECRET_KEY to that key ` +
            '(every node on one database needs the same SECRET_KEY), or to a new key with SECRET_KEY_PREVIOUS set to that one',
        );
      }
      if (iv.length !== IV_BYTES || tag.length !== 16) throw new Error('This sealed secret is damaged');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.from(`${VERSION}:${kid}`));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('This sealed secret is damaged or was altered: it does not verify under its key');
      }
    },
    isSealed: (value) => value.startsWith(`${VERSION}:`),
    needsReseal: (sealed) => parts(sealed).kid !== keyId,
  };
}

/**
 * The keys of this node: SECRET_KEY (and SECRET_KEY_PREVIOUS during a rotation) or, when SECRET_KEY
 * is unset, `<dataDir>/secret.key`, created once (mode 0600). Several nodes on one PostgreSQL server
 * must share one SECRET_KEY: a key file is per machine.
 */
export async function loadSecretBox(opts: {
  secretKey?: string;
  previousKey?: string;
  dataDir: string;
  databaseUrl?: string;
}): Promise<SecretBox> {
  const previous = opts.previousKey ? [mustParse(opts.previousKey, 'SECRET_KEY_PREVIOUS')] : [];
  if (opts.secretKey) return createSecretBox(mustParse(opts.secretKey, 'SECRET_KEY'), previous);
  if (opts.dataDir === 'memory://') {
    // A PostgreSQL server outlives this process: a key that dies with it would lock its secrets away.
    if (opts.databaseUrl)
      throw new Error('DATA_DIR=memory:// keeps no key file: set SECRET_KEY when DATABASE_URL is set');
    // An in-memory database keeps nothing, so a key for this process only is enough.
    return createSecretBox(randomBytes(KEY_BYTES), previous);
  }
  return createSecretBox(await readOrCreateKeyFile(path.resolve(opts.dataDir, 'secret.key')), previous);
}

function mustParse(text: string, name: string): Buffer {
  const key = parseKey(text);
  if (!key) throw new Error(`${name} is not a valid key: ${KEY_FORMAT_HINT}`);
  return key;
}

async function readOrCreateKeyFile(file: string): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // 'wx': only the first start creates it; a concurrent start reads the winner's key.
    await writeFile(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    await chmod(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = parseKey(await readFile(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a valid key: ${KEY_FORMAT_HINT}`);
  return key;
}
