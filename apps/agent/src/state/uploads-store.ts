import type { AttachmentRef } from '@switchboard/protocol';
import { create } from 'zustand';
import { files } from '../api/api';

/** A file the agent picked for the next message: uploading, uploaded (its ref), or refused (why). */
export type PendingUpload = {
  key: string;
  name: string;
  status: 'uploading' | 'ready' | 'failed';
  ref: AttachmentRef | null;
  error: string | null;
  /** The picked file itself, shown as a preview before it is sent (images). */
  previewUrl: string | null;
};

type UploadsState = { byConversation: Record<string, PendingUpload[]> };

/**
 * Files waiting to be sent, per conversation (AG4). Each is uploaded as soon as it is picked, so the
 * server's refusal (too big, a forbidden type) shows before the agent writes the message.
 */
export const useUploads = create<UploadsState>(() => ({ byConversation: {} }));

const patch = (conversationId: string, key: string, change: Partial<PendingUpload>) =>
  useUploads.setState((s) => ({
    byConversation: {
      ...s.byConversation,
      [conversationId]: (s.byConversation[conversationId] ?? []).map((u) => (u.key === key ? { ...u, ...change } : u)),
    },
  }));

export async function uploadFile(conversationId: string, file: File): Promise<void> {
  const key = crypto.randomUUID();
  const previewUrl = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
  const pending: PendingUpload = { key, name: file.name, status: 'uploading', ref: null, error: null, previewUrl };
  useUploads.setState((s) => ({
    byConversation: { ...s.byConversation, [conversationId]: [...(s.byConversation[conversationId] ?? []), pending] },
  }));
  try {
    const uploaded = await files.upload(
      'uploadAttachment',
      { params: { id: conversationId }, query: { name: file.name } },
      file,
    );
    const { id, name, contentType, size } = uploaded;
    patch(conversationId, key, { status: 'ready', ref: { id, name, contentType, size } });
  } catch (err) {
    patch(conversationId, key, { status: 'failed', error: err instanceof Error ? err.message : String(err) });
  }
}

export function removeUpload(conversationId: string, key: string): void {
  const gone = (useUploads.getState().byConversation[conversationId] ?? []).find((u) => u.key === key);
  if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
  useUploads.setState((s) => ({
    byConversation: {
      ...s.byConversation,
      [conversationId]: (s.byConversation[conversationId] ?? []).filter((u) => u.key !== key),
    },
  }));
}

/** The uploaded files, taken for the message being sent; the refused ones stay to be read and removed. */
export function takeReady(conversationId: string): AttachmentRef[] {
  const all = useUploads.getState().byConversation[conversationId] ?? [];
  const ready = all.filter((u) => u.status === 'ready' && u.ref);
  for (const u of ready) if (u.previewUrl) URL.revokeObjectURL(u.previewUrl);
  useUploads.setState((s) => ({
    byConversation: { ...s.byConversation, [conversationId]: all.filter((u) => u.status !== 'ready') },
  }));
  return ready.map((u) => u.ref!);
}
