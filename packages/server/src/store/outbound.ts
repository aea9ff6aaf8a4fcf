import { and, asc, eq, ilike, inArray, isNotNull, or } from 'drizzle-orm';
import { containsPattern } from './search.js';
import type { Db } from './db.js';
import { contacts, outbox, outboundJobs } from './schema.js';

export type OutboundJobRow = typeof outboundJobs.$inferSelect;

/** The job and each recipient's message, in one transaction: acknowledged means every message is queued. */
export async function insertOutboundJob(
  tx: Db,
  job: Omit<typeof outboundJobs.$inferInsert, 'id'>,
  messages: { messageId: string; to: string; name: string | null; text: string }[],
): Promise<OutboundJobRow> {
  const [row] = await tx.insert(outboundJobs).values(job).returning();
  for (let i = 0; i < messages.length; i += 500) {
    await tx.insert(outbox).values(
      messages.slice(i, i + 500).map((m) => ({
        orgId: job.orgId,
        channelId: job.channelId,
        jobId: row!.id,
        messageId: m.messageId,
        toAddress: m.to,
        recipientName: m.name,
        text: m.text,
        status: 'pending' as const,
        nextAttemptAt: job.createdAt,
        createdAt: job.createdAt,
        updatedAt: job.createdAt,
      })),
    );
  }
  return row!;
}

export async function getOutboundJob(db: Db, orgId: string, id: string) {
  const [job] = await db
    .select()
    .from(outboundJobs)
    .where(and(eq(outboundJobs.orgId, orgId), eq(outboundJobs.id, id)));
  if (!job) return undefined;
  const messages = await db
    .select({ to: outbox.toAddress, name: outbox.recipientName, status: outbox.status, reason: outbox.lastError })
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), eq(outbox.jobId, id)))
    .orderBy(asc(outbox.createdAt), asc(outbox.toAddress));
  return { job, messages };
}

/** Contacts whose name or city matches, with a mobile phone: a contact search's recipients (CH6). */
export async function contactsMatching(db: Db, orgId: string, search: string, limit: number) {
  const like = containsPattern(search);
  return db
    .select({ name: contacts.name, mobilePhone: contacts.mobilePhone })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        isNotNull(contacts.mobilePhone),
        or(ilike(contacts.name, like), ilike(contacts.city, like)),
      ),
    )
    .orderBy(asc(contacts.name))
    .limit(limit);
}

/** The contacts these numbers belong to (mobile phone, E.164), to greet them by name. */
export async function contactNamesByPhone(db: Db, orgId: string, numbers: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < numbers.length; i += 1000) {
    const rows = await db
      .select({ name: contacts.name, mobilePhone: contacts.mobilePhone })
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), inArray(contacts.mobilePhone, numbers.slice(i, i + 1000))));
    for (const r of rows) if (r.mobilePhone && !names.has(r.mobilePhone)) names.set(r.mobilePhone, r.name);
  }
  return names;
}
