import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { AttachmentRef, AttachmentSettings, AttachmentType } from '@switchboard/protocol';
import type { Db } from './db.js';
import { attachments, orgSettings } from './schema.js';

export type AttachmentRow = typeof attachments.$inferSelect;

export const attachmentRef = (a: AttachmentRow): AttachmentRef => ({
  id: a.id,
  name: a.fileName,
  contentType: a.contentType,
  size: a.sizeBytes,
});

export async function insertAttachment(db: Db, a: typeof attachments.$inferInsert): Promise<AttachmentRow> {
  const [row] = await db.insert(attachments).values(a).returning();
  return row!;
}

/** One file of the organisation; another organisation's id is no row. */
export async function getAttachment(db: Db, orgId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.orgId, orgId), eq(attachments.id, id)));
  return row;
}

export type Sender = { kind: 'staff'; userId: string } | { kind: 'customer' };

/**
 * Marks the sender's unsent uploads of this conversation as sent with a message, in one conditional
 * write: only rows of this organisation, conversation and uploader, not sent before. Fewer rows than
 * ids means some were not theirs to send (the caller refuses and the transaction rolls back).
 */
export async function attachUploads(
  tx: Db,
  orgId: string,
  conversationId: string,
  sender: Sender,
  ids: string[],
  at: Date,
): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  return tx
    .update(attachments)
    .set({ attachedAt: at })
    .where(
      and(
        eq(attachments.orgId, orgId),
        eq(attachments.conversationId, conversationId),
        inArray(attachments.id, ids),
        isNull(attachments.attachedAt),
        eq(attachments.uploaderKind, sender.kind),
        sender.kind === 'staff' ? eq(attachments.uploadedBy, sender.userId) : isNull(attachments.uploadedBy),
      ),
    )
    .returning();
}

const DEFAULT_SETTINGS: AttachmentSettings = {
  maxBytes: 5 * 1024 * 1024,
  types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'],
};

export async function getAttachmentSettings(db: Db, orgId: string): Promise<AttachmentSettings> {
  const [row] = await db
    .select({ maxBytes: orgSettings.attachmentMaxBytes, types: orgSettings.attachmentTypes })
    .from(orgSettings)
    .where(eq(orgSettings.orgId, orgId));
  return row ? { maxBytes: row.maxBytes, types: row.types as AttachmentType[] } : DEFAULT_SETTINGS;
}

export async function saveAttachmentSettings(db: Db, orgId: string, s: AttachmentSettings): Promise<void> {
  const values = { attachmentMaxBytes: s.maxBytes, attachmentTypes: s.types };
  await db
    .insert(orgSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: orgSettings.orgId, set: values });
}

/**
 * Deletes uploads never sent that were made before `before`, a batch at a time, answering their keys
 * so the caller removes the bytes after commit. The condition repeats `attached_at is null`: a message
 * that attached one meanwhile keeps it.
 */
export async function deleteUnsentBefore(db: Db, before: Date, limit = 500): Promise<string[]> {
  const due = db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(isNull(attachments.attachedAt), lt(attachments.createdAt, before)))
    .limit(limit);
  const rows = await db
    .delete(attachments)
    .where(and(inArray(attachments.id, due), isNull(attachments.attachedAt)))
    .returning({ key: attachments.storageKey });
  return rows.map((r) => r.key);
}
