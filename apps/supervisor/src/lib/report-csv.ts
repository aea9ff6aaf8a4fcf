/** One CSV field's value: text, a number as it is, or nothing (an empty field). */
export type CsvCell = string | number | null;

// A spreadsheet runs a field that starts like a formula; a leading quote keeps it text (OWASP's advice).
const FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function field(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV: a header line, then one line per row, comma-separated, CRLF after every line.
 * Numbers are written as JavaScript prints them (a dot for the decimals, whatever the language).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((cells) => cells.map(field).join(',') + '\r\n').join('');
}
