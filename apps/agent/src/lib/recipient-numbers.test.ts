import { describe, expect, it } from 'vitest';
import { firstColumn, numbersFromCsv, numbersFromText } from './recipient-numbers';

describe('numbersFromText', () => {
  it('reads one number per line, or numbers separated by commas or semicolons', () => {
    expect(numbersFromText('+31612345678\r\n +32 470 12 34 56 ,0612345678;\n\n , ;+33612345678')).toEqual([
      '+31612345678',
      '+32 470 12 34 56',
      '0612345678',
      '+33612345678',
    ]);
  });

  it('gives each number once and nothing for blank text', () => {
    expect(numbersFromText('+31612345678\n+31612345678, +31687654321')).toEqual(['+31612345678', '+31687654321']);
    expect(numbersFromText(' \n , ')).toEqual([]);
  });
});

describe('firstColumn', () => {
  it('splits rows on any line ending and fields on comma, semicolon or tab', () => {
    expect(firstColumn('a,b\r\nc;d\re\tf\ng')).toEqual(['a', 'c', 'e', 'g']);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks in them', () => {
    expect(firstColumn('"+31 6, 1234","x"\n"say ""hi""",y\n+316,"two\nlines",z\n+317')).toEqual([
      '+31 6, 1234',
      'say "hi"',
      '+316',
      '+317',
    ]);
  });

  it('ignores a byte order mark and a last line break', () => {
    expect(firstColumn('\uFEFFphone\n+31612345678\n')).toEqual(['phone', '+31612345678']);
  });
});

describe('numbersFromCsv', () => {
  it('skips a header row and reads the first column', () => {
    expect(numbersFromCsv('Phone;Name\n+31612345678;Emma Janssen\n+31687654321;Daan de Vries\n')).toEqual([
      '+31612345678',
      '+31687654321',
    ]);
  });

  it('keeps the first row when it is a number, and rows that are not numbers after it', () => {
    expect(numbersFromCsv('(020) 123-4567,Emma\n+31 6 1234 5678\nunknown\n,no number\n+31 6 1234 5678')).toEqual([
      '(020) 123-4567',
      '+31 6 1234 5678',
      'unknown',
    ]);
  });

  it('gives nothing for a file with only a header', () => {
    expect(numbersFromCsv('number\n')).toEqual([]);
    expect(numbersFromCsv('')).toEqual([]);
  });
});
