/**
 * Where attachment bytes live (AG4): the data folder by default, S3 when configured. The database
 * holds each file's row and its `storage_key`; a store only keeps bytes under keys it is given.
 */
export type FileStore = {
  kind: 'disk' | 's3';
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes a file whose row was never committed; a missing key is not an error. */
  remove(key: string): Promise<void>;
};

/** Keys are ids the server made (organisation/conversation/attachment), never names a user chose. */
export const attachmentKey = (orgId: string, conversationId: string, attachmentId: string) =>
  `attachments/${orgId}/${conversationId}/${attachmentId}`;

const KEY = /^attachments\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;
/** A key as `attachmentKey` makes it: the disk store refuses anything that could leave its folder. */
export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not an attachment key: ${key}`);
}
