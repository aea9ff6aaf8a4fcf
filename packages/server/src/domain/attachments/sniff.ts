import type { AttachmentType } from '@switchboard/protocol';

/** Magic numbers at the start of each binary type we recognise; webp is RIFF....WEBP. */
const SIGNATURES: { type: AttachmentType; at: number; bytes: number[] }[][] = [
  [{ type: 'image/png', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }],
  [{ type: 'image/jpeg', at: 0, bytes: [0xff, 0xd8, 0xff] }],
  [{ type: 'image/gif', at: 0, bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] }],
  [{ type: 'image/gif', at: 0, bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] }],
  [
    { type: 'image/webp', at: 0, bytes: [0x52, 0x49, 0x46, 0x46] },
    { type: 'image/webp', at: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  ],
  [{ type: 'application/pdf', at: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }],
];

const matches = (data: Uint8Array, part: { at: number; bytes: number[] }) =>
  data.length >= part.at + part.bytes.length && part.bytes.every((b, i) => data[part.at + i] === b);

/** Text is valid UTF-8 with no NUL: what a browser shows as text and no binary file is. */
function isPlainText(data: Uint8Array): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * The type the bytes are, whatever the uploader declared; null when they are none we know.
 * Browsers guess types from file names, so the server trusts only what the bytes say.
 */
export function sniffType(data: Uint8Array): AttachmentType | null {
  const found = SIGNATURES.find((parts) => parts.every((p) => matches(data, p)));
  if (found) return found[0]!.type;
  return data.length > 0 && isPlainText(data) ? 'text/plain' : null;
}
