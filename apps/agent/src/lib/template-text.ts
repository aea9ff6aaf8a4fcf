import { TEMPLATE_PLACEHOLDERS } from '@switchboard/protocol';

export type Placeholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);

/**
 * A template's text with its placeholders filled in, for the preview before sending (CH6): the
 * server does the real rendering. `{name}` of a known placeholder with a value is replaced;
 * anything else (an unknown name, a value not known yet) stays as written.
 */
export function renderTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    KNOWN.has(name) ? (values[name as Placeholder] ?? whole) : whole,
  );
}
