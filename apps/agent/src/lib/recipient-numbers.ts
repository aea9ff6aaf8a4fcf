/** Each value once, in the order first seen: a number given twice would be texted twice. */
const once = (values: string[]) => [...new Set(values)];

/** Numbers typed in (CH6): one per line, or separated by commas or semicolons; blanks left out. */
export function numbersFromText(text: string): string[] {
  return once(
    text
      .split(/[\r\n,;]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** A phone number as people write one: digits, maybe a leading +, spaces, dots, dashes, parentheses. */
const LOOKS_LIKE_NUMBER = /^\+?[\d\s().-]*\d[\d\s().-]*$/;

/**
 * The first field of every row of a CSV file. Quoted fields may hold separators, doubled quotes and
 * line breaks; a comma, a semicolon (what spreadsheets in nl and fr write) or a tab ends a field.
 */
export function firstColumn(csv: string): string[] {
  const firsts: string[] = [];
  let field = '';
  let column = 0;
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';' || c === '\t') {
      if (column === 0) firsts.push(field);
      column++;
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (column === 0) firsts.push(field);
      column = 0;
      field = '';
    } else field += c;
  }
  if (column === 0 && field !== '') firsts.push(field);
  return firsts;
}

/** The numbers in a CSV file's first column; its first row is left out when it is a header, not a number. */
export function numbersFromCsv(csv: string): string[] {
  const numbers = firstColumn(csv)
    .map((s) => s.trim())
    .filter(Boolean);
  if (numbers.length > 0 && !LOOKS_LIKE_NUMBER.test(numbers[0]!)) numbers.shift();
  return once(numbers);
}
