import { describe, expect, it } from 'vitest';
import { toCsv } from './report-csv';

describe('CSV of a report (SV9)', () => {
  it('writes a header and one CRLF-ended line per row, numbers as they are and null as an empty field', () => {
    expect(
      toCsv(
        ['Queue', 'In', 'Rate (share, 0–1)'],
        [
          ['Support', 12, 0.25],
          ['Sales', 0, null],
        ],
      ),
    ).toBe('Queue,In,"Rate (share, 0–1)"\r\nSupport,12,0.25\r\nSales,0,\r\n');
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes inside', () => {
    const csv = toCsv(['Agent'], [['Jansen, Bob'], ['Bob "the builder"'], ['two\nlines'], ['cr\r\nlf']]);
    expect(csv).toBe('Agent\r\n"Jansen, Bob"\r\n"Bob ""the builder"""\r\n"two\nlines"\r\n"cr\r\nlf"\r\n');
  });

  it('keeps a name that looks like a formula from running in a spreadsheet, but not a negative number', () => {
    expect(
      toCsv(
        ['Name', 'Score'],
        [
          ['=HYPERLINK("x")', -1.5],
          ['@home', null],
          ['-, dash', 0],
        ],
      ),
    ).toBe('Name,Score\r\n"\'=HYPERLINK(""x"")",-1.5\r\n\'@home,\r\n"\'-, dash",0\r\n');
  });

  it('writes only the header when there are no rows, and nothing for a number that is not finite', () => {
    expect(toCsv(['A', 'B'], [])).toBe('A,B\r\n');
    expect(toCsv(['A'], [[Number.NaN]])).toBe('A\r\n\r\n');
  });
});
