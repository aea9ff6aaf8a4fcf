export type { Placeholder, PlaceholderValues } from '@switchboard/protocol';

/** `text` with `insert` in place of the selection from `start` to `end`, and where the cursor goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string) {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}
