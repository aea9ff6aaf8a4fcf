import { and, asc, eq } from 'drizzle-orm';
import type { ChannelProvider } from '@switchboard/protocol';
import type { Db } from './db.js';
import { requireOwned } from './ownership.js';
import { channels, conversations } from './schema.js';

export type ChannelRow = typeof channels.$inferSelect;
export type ChannelValues = {
  name: string;
  provider: ChannelProvider;
  workstreamId: string;
  numbers: string[];
  settings: Record<string, unknown>;
  /** Sealed (security/secrets.ts): the credentials as one JSON object. */
  secrets: string;
};

export async function listChannels(db: Db, orgId: string): Promise<ChannelRow[]> {
  return db.select().from(channels).where(eq(channels.orgId, orgId)).orderBy(asc(channels.name), asc(channels.id));
}

export async function getChannel(db: Db, orgId: string, id: string): Promise<ChannelRow | undefined> {
  const [row] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.id, id), eq(channels.orgId, orgId)));
  return row;
}

/** A webhook names the channel alone (the provider's console holds its URL); the row says the organisation. */
export async function getChannelForWebhook(db: Db, id: string): Promise<ChannelRow | undefined> {
  const [row] = await db.select().from(channels).where(eq(channels.id, id));
  return row;
}

export async function insertChannel(db: Db, orgId: string, v: ChannelValues, now: Date): Promise<ChannelRow> {
  await requireOwned(db, orgId, 'workstreams', [v.workstreamId]);
  const [row] = await db
    .insert(channels)
    .values({ ...v, orgId, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

export async function updateChannel(
  db: Db,
  orgId: string,
  id: string,
  v: ChannelValues,
  now: Date,
): Promise<ChannelRow | undefined> {
  await requireOwned(db, orgId, 'workstreams', [v.workstreamId]);
  const [row] = await db
    .update(channels)
    .set({ ...v, updatedAt: now })
    .where(and(eq(channels.id, id), eq(channels.orgId, orgId)))
    .returning();
  return row;
}

/** Whether any conversation came in on the channel: such a channel is kept, its history names it. */
export async function channelInUse(db: Db, orgId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.channelId, id)))
    .limit(1);
  return row !== undefined;
}

export async function deleteChannel(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(channels)
    .where(and(eq(channels.id, id), eq(channels.orgId, orgId)))
    .returning({ id: channels.id });
  return rows.length > 0;
}
