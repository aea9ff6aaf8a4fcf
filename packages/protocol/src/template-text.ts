import { TEMPLATE_PLACEHOLDERS } from './outbound.js';

// One renderer of texts with placeholders: message templates (CH6) and quick replies (AG4), for the
// server, which sends or checks the text, and the apps, which preview or insert it: what an admin and
// an agent see is what the customer gets. Each caller names the placeholders its texts may use.

export type Placeholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A text with its placeholders filled in: `{name}` of a known placeholder with a value is
 * replaced; anything else (an unknown name, a value not known yet, as in a preview) stays as written.
 * An empty value (a recipient with no name) takes the space before it along: "Hello {customerName},
 * ..." reads "Hello, ...". Spaces the author wrote stay, such as French ones before ";" and "?".
 * `known`: the placeholders the text may use (by default those of message templates).
 */
export function renderTemplate(
  text: string,
  values: Partial<Record<string, string>>,
  known: readonly string[] = TEMPLATE_PLACEHOLDERS,
): string {
  const names = new Set<string>(known);
  const filled = text.replace(/([ \t]*)\{(\w+)\}/g, (whole, space: string, name: string) => {
    const value = names.has(name) ? values[name] : undefined;
    if (value === undefined) return whole;
    return value === '' ? '' : space + value;
  });
  return filled.trim();
}

/** Placeholders a text names that are not among `known` (by default those of templates), once each. */
export function unknownPlaceholders(text: string, known: readonly string[] = TEMPLATE_PLACEHOLDERS): string[] {
  const names = new Set<string>(known);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !names.has(name)))];
}
