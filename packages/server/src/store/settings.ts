import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { SecretBox } from '../security/secrets.js';
import type { Db } from './db.js';
import { serverSettings } from './schema.js';

/**
 * A server-wide secret, created once; every node reads the same value. It is stored sealed by `box`
 * (X3: secrets at rest are encrypted). A plain value from before encryption is sealed on the first
 * start, and one sealed with a previous key is re-sealed with the current one (key rotation).
 */
export async function getOrCreateSecret(db: Db, key: string, box: SecretBox): Promise<string> {
  await db
    .insert(serverSettings)
    .values({ key, value: box.seal(randomBytes(48).toString('base64url')) })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSettings).where(eq(serverSettings.key, key));
  const stored = row!.value;
  const plain = box.isSealed(stored) ? box.open(stored) : stored;
  if (!box.isSealed(stored) || box.needsReseal(stored)) {
    // Conditional on the value read: of several nodes starting at once, one writes; all read the same plain text.
    await db
      .update(serverSettings)
      .set({ value: box.seal(plain) })
      .where(and(eq(serverSettings.key, key), eq(serverSettings.value, stored)));
  }
  return plain;
}
