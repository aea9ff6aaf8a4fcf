/** One record of a CSV text: its fields and the line it starts on (1 = the first line of the text). */
export type CsvRecord = { line: number; fields: string[] };

export type CsvParse = { records: CsvRecord[] } | { error: string; line: number };

/**
 * A CSV text as RFC 4180 writes it: fields separated by commas, records by CRLF or LF, a field in
 * double quotes may hold commas, line breaks and "" for a quote. A byte order mark is skipped;
 * blank lines are no records. An unclosed quote is an error naming the line it opened on (AG9 import).
 */
export function parseCsv(text: string): CsvParse {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false;
  const endRecord = () => {
    fields.push(field);
    if (touched || fields.length > 1 || field !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
    touched = false;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      touched = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      touched = true;
    } else if (ch === '\r' && s[i + 1] === '\n') {
      continue;
    } else if (ch === '\n') {
      endRecord();
      line++;
      start = line;
    } else {
      field += ch;
    }
  }
  if (quoted) return { error: 'a quoted field is not closed', line: quoteLine };
  endRecord();
  return { records };
}
