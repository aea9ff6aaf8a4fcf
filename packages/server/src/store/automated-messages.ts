import { and, asc, eq } from 'drizzle-orm';
import type { AutomatedMessageInput, AutomatedTrigger, Channel } from '@switchboard/protocol';
import { ON_FOR_NEW_ORGANISATIONS } from '../domain/conversation/automated-messages.js';
import type { Db } from './db.js';
import { automatedMessages } from './schema.js';

export type AutomatedMessageRow = typeof automatedMessages.$inferSelect;

export const listAutomatedMessages = (db: Db, orgId: string) =>
  db
    .select()
    .from(automatedMessages)
    .where(eq(automatedMessages.orgId, orgId))
    .orderBy(asc(automatedMessages.channel), asc(automatedMessages.trigger));

export async function getAutomatedMessage(
  db: Db,
  orgId: string,
  channel: Channel,
  trigger: AutomatedTrigger,
): Promise<AutomatedMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(automatedMessages)
    .where(
      and(
        eq(automatedMessages.orgId, orgId),
        eq(automatedMessages.channel, channel),
        eq(automatedMessages.trigger, trigger),
      ),
    );
  return row;
}

/** Keyed by organisation, channel and event: one organisation's save never reaches another's row. */
export async function saveAutomatedMessage(
  db: Db,
  orgId: string,
  key: { channel: Channel; trigger: AutomatedTrigger },
  input: AutomatedMessageInput,
  now: Date,
): Promise<AutomatedMessageRow> {
  const values = { enabled: input.enabled, bodies: input.bodies, updatedAt: now };
  const [row] = await db
    .insert(automatedMessages)
    .values({ orgId, ...key, ...values })
    .onConflictDoUpdate({
      target: [automatedMessages.orgId, automatedMessages.channel, automatedMessages.trigger],
      set: values,
    })
    .returning();
  return row!;
}

/** A new organisation starts with the recommended messages on, in the built-in texts. */
export async function turnOnRecommended(tx: Db, orgId: string, now: Date): Promise<void> {
  await tx
    .insert(automatedMessages)
    .values(ON_FOR_NEW_ORGANISATIONS.map((key) => ({ orgId, ...key, enabled: true, bodies: {}, updatedAt: now })));
}
