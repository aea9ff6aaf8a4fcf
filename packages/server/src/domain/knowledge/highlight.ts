/**
 * Search highlights (AG9) as HTML a client may render as is: every character of the article is escaped,
 * and the only markup is `<mark>…</mark>` where ts_headline marked a match (with `start`/`end`, two
 * control characters no article can contain). An article that holds `<script>` shows it as text.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

export function markedToHtml(marked: string, start: string, end: string): string {
  let html = '';
  let open = false;
  for (const part of marked.split(new RegExp(`([${start}${end}])`))) {
    if (part === start && !open) {
      html += '<mark>';
      open = true;
    } else if (part === end && open) {
      html += '</mark>';
      open = false;
    } else if (part !== start && part !== end) html += escapeHtml(part);
  }
  return open ? `${html}</mark>` : html;
}

/** The paragraphs of a plain-text article (a blank line between two), for its public page. */
export const paragraphsOf = (body: string) =>
  body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
