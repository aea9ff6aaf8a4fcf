/**
 * `Acme Support, Inc.` -> `acme-support-inc`: latin letters and digits joined by dashes, at most 40
 * characters; `fallback` when nothing of the text is left (a name with no latin letters).
 */
export function slugOf(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, split off by NFKD: É -> E
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || fallback;
}
