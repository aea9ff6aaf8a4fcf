import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { serverSettings } from './schema.js';

/** A server-wide secret, created once; every node reads the same value. */
export async function getOrCreateSecret(db: Db, key: string): Promise<string> {
  await db
    .insert(serverSettings)
    .values({ key, value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSettings).where(eq(serverSettings.key, key));
  return row!.value;
}
