import { TEMPLATE_PLACEHOLDERS } from '@switchboard/protocol';

export type Placeholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);

/**
 * A template's text with its placeholders filled in, for a preview (CH6): the server does the real
 * rendering. `{name}` of a known placeholder with a value is replaced; anything else stays as written.
 */
export function renderTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    KNOWN.has(name) ? (values[name as Placeholder] ?? whole) : whole,
  );
}

/** `text` with `insert` in place of the selection from `start` to `end`, and where the cursor goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string) {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}
