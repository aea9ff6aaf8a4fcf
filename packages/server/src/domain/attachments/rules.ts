import { ATTACHMENT_TYPES, MAX_FILE_NAME_LENGTH, type AttachmentType } from '@switchboard/protocol';
import { sniffType } from './sniff.js';

export type AttachmentLimits = { maxBytes: number; types: readonly string[] };

export type UploadCheck =
  | { ok: true; contentType: AttachmentType; fileName: string }
  | { ok: false; refusal: 'too-large' | 'unsupported' | 'invalid'; message: string };

const refuse = (refusal: 'too-large' | 'unsupported' | 'invalid', message: string): UploadCheck => ({
  ok: false,
  refusal,
  message,
});

/** A byte count as people say it: 5242880 is "5 MiB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** `image/png; charset=x` and `IMAGE/PNG` are image/png. */
export const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * A name safe to store and to put in Content-Disposition: no folders, no controls, no quotes or
 * backslashes, no leading dots (hidden files), at most MAX_FILE_NAME_LENGTH characters; "file" if none is left.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}"*:<>?|]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = Array.from(cleaned);
  if (chars.length === 0) return 'file';
  if (chars.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  // Keep the extension: the shortened name still opens with the right program.
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return Array.from(cleaned.slice(0, cleaned.length - ext.length))
    .slice(0, MAX_FILE_NAME_LENGTH - ext.length)
    .join('')
    .concat(ext);
}

/**
 * Whether an upload may be kept (AG4): within the organisation's size, of a type it allows, and
 * whose bytes are the type declared. Checked in this order so the message names the first problem.
 */
export function checkUpload(
  upload: { declaredType: string | undefined; fileName: string; data: Uint8Array },
  limits: AttachmentLimits,
): UploadCheck {
  const { data } = upload;
  if (data.length > limits.maxBytes)
    return refuse(
      'too-large',
      `the file is ${sizeText(data.length)}; this organisation accepts files up to ${sizeText(limits.maxBytes)}` +
        ` (${limits.maxBytes} bytes)`,
    );
  if (data.length === 0) return refuse('invalid', 'the file is empty');
  const declared = mediaType(upload.declaredType);
  if (!declared) return refuse('unsupported', 'send the file with its Content-Type, e.g. image/png');
  const allowed = limits.types.join(', ') || 'none';
  if (!limits.types.includes(declared))
    return refuse('unsupported', `files of type ${declared} are not allowed here; allowed: ${allowed}`);
  const actual = sniffType(data);
  if (actual !== declared)
    return refuse(
      'unsupported',
      `the file is declared ${declared} but its bytes are ${actual ?? 'none of the known types'}` +
        ` (${ATTACHMENT_TYPES.join(', ')})`,
    );
  return { ok: true, contentType: actual, fileName: cleanFileName(upload.fileName) };
}

/** Images the apps preview inline; every other type is a download. */
export const isImage = (contentType: string) => contentType.startsWith('image/');

/** Why files cannot be sent in a conversation on this channel, or null when they can. */
export function channelRefusal(channel: string, carriesFiles: boolean): string | null {
  if (carriesFiles) return null;
  return channel === 'sms'
    ? 'SMS carries no files: attachments can be sent in web chat only'
    : `conversations on the ${channel} channel carry no files: attachments can be sent in web chat only`;
}
