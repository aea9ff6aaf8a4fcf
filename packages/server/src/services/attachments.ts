import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentSettings, Channel, UploadedAttachment } from '@switchboard/protocol';
import { carriesUploadedFiles } from '../channels/registry.js';
import type { Clock } from '../domain/clock.js';
import { channelRefusal, checkUpload } from '../domain/attachments/rules.js';
import { agentWriteRefusal, customerWriteRefusal, writeFacts } from '../domain/conversation/messaging.js';
import { conflict, DomainError, notFound } from '../domain/errors.js';
import { attachmentKey, type FileStore } from '../files/file-store.js';
import {
  attachmentRef,
  getAttachment,
  getAttachmentSettings,
  deleteUnsentBefore,
  insertAttachment,
  saveAttachmentSettings,
  type AttachmentRow,
} from '../store/attachments.js';
import { getConversation } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import type { ConversationKit } from './conversation-kit.js';
import type { StaffIdentity, VisitorIdentity } from './identity.js';

/** How long an upload waits to be sent with a message before it is deleted. */
export const UNSENT_KEPT_MS = 24 * 3600_000;

export type Upload = { fileName: string; declaredType: string | undefined; data: Uint8Array };
export type FileOut = { row: AttachmentRow; data: Uint8Array };

/**
 * Attachments (AG4): uploads are checked (domain/attachments/rules.ts), their bytes kept in the file
 * store and then their row written, so no row ever names bytes that are not there. A file is sent
 * later with a message (conversation-messages.ts), which marks it attached in the message's transaction.
 */
export function createAttachmentService(deps: {
  db: Db;
  clock: Clock;
  files: FileStore;
  partOf: ConversationKit['partOf'];
}) {
  const { db, clock, files } = deps;

  async function keep(
    c: { id: string; orgId: string; channel: Channel },
    by: { kind: 'staff'; userId: string } | { kind: 'customer' },
    upload: Upload,
  ): Promise<UploadedAttachment> {
    const refusal = channelRefusal(c.channel, carriesUploadedFiles(c.channel));
    if (refusal) throw new DomainError('invalid', refusal);
    const checked = checkUpload(upload, await getAttachmentSettings(db, c.orgId));
    if (!checked.ok) throw new DomainError(checked.refusal, checked.message);
    const id = randomUUID();
    const key = attachmentKey(c.orgId, c.id, id);
    await files.put(key, upload.data, checked.contentType);
    try {
      const row = await insertAttachment(db, {
        id,
        orgId: c.orgId,
        conversationId: c.id,
        uploaderKind: by.kind,
        uploadedBy: by.kind === 'staff' ? by.userId : null,
        fileName: checked.fileName,
        contentType: checked.contentType,
        sizeBytes: upload.data.length,
        sha256: createHash('sha256').update(upload.data).digest('hex'),
        storageKey: key,
        createdAt: clock.now(),
      });
      return { ...attachmentRef(row), conversationId: c.id, createdAt: row.createdAt.toISOString() };
    } catch (err) {
      await files.remove(key).catch(() => undefined);
      throw err;
    }
  }

  async function read(row: AttachmentRow | undefined): Promise<FileOut> {
    if (!row) throw notFound('attachment');
    const data = await files.get(row.storageKey);
    if (!data) throw notFound('attachment file');
    return { row, data };
  }

  return {
    /** The primary agent, or a consultant allowed to write to the customer, while they may write to them. */
    async staffUpload(who: StaffIdentity, conversationId: string, upload: Upload) {
      const c = await getConversation(db, who.orgId, conversationId);
      if (!c) throw notFound('conversation');
      const part = await deps.partOf(db, who, c);
      if (part !== 'primary' && part !== 'consultant-to-customer')
        throw new DomainError('forbidden', 'only the primary agent, or a consultant they allow, may send files');
      const refusal = agentWriteRefusal(writeFacts(c), false);
      if (refusal) throw conflict(refusal);
      return keep(c, { kind: 'staff', userId: who.userId }, upload);
    },

    async visitorUpload(who: VisitorIdentity, upload: Upload) {
      const c = await getConversation(db, who.orgId, who.conversationId);
      if (!c) throw notFound('conversation');
      const refusal = customerWriteRefusal(c.state);
      if (refusal) throw conflict(refusal);
      return keep(c, { kind: 'customer' }, upload);
    },

    /** Any staff member of the organisation reads its files, as they may read its conversations. */
    staffDownload: async (who: StaffIdentity, id: string) => read(await getAttachment(db, who.orgId, id)),

    /** The visitor reads the files of their own chat: theirs, and what staff sent them (never an unsent upload). */
    async visitorDownload(who: VisitorIdentity, id: string) {
      const row = await getAttachment(db, who.orgId, id);
      const visible =
        row?.conversationId === who.conversationId && (row.uploaderKind === 'customer' || row.attachedAt !== null);
      return read(visible ? row : undefined);
    },

    /** Uploads nobody sent within a day go: rows, then bytes (stray bytes are harmless, a row without them is not). */
    async sweepUnsent(): Promise<number> {
      const keys = await deleteUnsentBefore(db, new Date(clock.now().getTime() - UNSENT_KEPT_MS));
      for (const key of keys) await files.remove(key).catch(() => undefined);
      return keys.length;
    },

    settings: (orgId: string) => getAttachmentSettings(db, orgId),
    async saveSettings(orgId: string, s: AttachmentSettings) {
      await saveAttachmentSettings(db, orgId, s);
      return getAttachmentSettings(db, orgId);
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
