import { TEMPLATE_PLACEHOLDERS } from './outbound.js';

// One renderer of message templates (CH6) for the server, which sends the text, and the apps, which
// preview it: what an admin and an agent see is what the customer gets.

export type Placeholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A template's text with its placeholders filled in: `{name}` of a known placeholder with a value is
 * replaced; anything else (an unknown name, a value not known yet, as in a preview) stays as written.
 * An empty value (a recipient with no name) takes the space before it along: "Hello {customerName},
 * ..." reads "Hello, ...". Spaces the author wrote stay, such as French ones before ";" and "?".
 */
export function renderTemplate(text: string, values: PlaceholderValues): string {
  const filled = text.replace(/([ \t]*)\{(\w+)\}/g, (whole, space: string, name: string) => {
    const value = KNOWN.has(name) ? values[name as Placeholder] : undefined;
    if (value === undefined) return whole;
    return value === '' ? '' : space + value;
  });
  return filled.trim();
}

/** Placeholders a template text names that are not ones that can be filled in, once each. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !KNOWN.has(name)))];
}
