/** One call's share of a CSV file: the header line, then whole records; `firstLine` is the file line of its first. */
export type CsvChunk = { csv: string; firstLine: number; rows: number };

/**
 * Splits a CSV file into chunks of at most about `maxChars` (AG9 import: the server takes 2 MB a
 * call), each starting with the file's header. It splits only between records: a line break inside
 * a quoted field stays in its record, and the next chunk's `firstLine` counts every line before it.
 */
export function chunkCsv(text: string, maxChars = 500_000): CsvChunk[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { text: string; line: number }[] = [];
  let start = 0;
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n') {
      if (!quoted) {
        records.push({ text: s.slice(start, i + 1), line: recordLine });
        start = i + 1;
        recordLine = line + 1;
      }
      line++;
    }
  }
  if (start < s.length) records.push({ text: s.slice(start), line: recordLine });
  const [header, ...rows] = records.filter((r) => r.text.trim() !== '');
  if (!header) return [];
  const head = header.text.endsWith('\n') ? header.text : `${header.text}\n`;
  const chunks: CsvChunk[] = [];
  let current: { text: string[]; size: number; firstLine: number } | null = null;
  for (const r of rows) {
    if (current && current.size + r.text.length > maxChars) {
      chunks.push({ csv: head + current.text.join(''), firstLine: current.firstLine, rows: current.text.length });
      current = null;
    }
    current ??= { text: [], size: head.length, firstLine: r.line };
    current.text.push(r.text.endsWith('\n') ? r.text : `${r.text}\n`);
    current.size += r.text.length;
  }
  if (current)
    chunks.push({ csv: head + current.text.join(''), firstLine: current.firstLine, rows: current.text.length });
  return chunks;
}
