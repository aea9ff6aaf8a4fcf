import { TEMPLATE_PLACEHOLDERS } from '@switchboard/protocol';

export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Placeholders a template text names that are not ones we can fill in, for the admin to fix (CH6). */
export function unknownPlaceholders(body: string): string[] {
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name)))];
}

/**
 * A template's text for one recipient. A value that is empty (a number with no contact, so no name)
 * leaves no stray space or space before punctuation: "Hello {customerName}, ..." reads "Hello, ...".
 */
export function renderTemplate(body: string, values: TemplateValues): string {
  const filled = body.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as keyof TemplateValues] : whole,
  );
  return filled
    .replace(/[ \t]+([,.!?;:])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
