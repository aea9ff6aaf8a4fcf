import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

// AG9 import: RFC 4180 CSV as spreadsheets write it.
describe('parseCsv', () => {
  it('splits records and fields, with the line each record starts on', () => {
    expect(parseCsv('name,email\nAnn,ann@x.example\r\nBob,bob@x.example')).toEqual({
      records: [
        { line: 1, fields: ['name', 'email'] },
        { line: 2, fields: ['Ann', 'ann@x.example'] },
        { line: 3, fields: ['Bob', 'bob@x.example'] },
      ],
    });
  });

  it('keeps commas, quotes and line breaks inside quoted fields, and counts the lines they span', () => {
    const text = 'name,note\n"Smith, Ann","She said ""hi""\nand left"\nBob,""\n';
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, fields: ['name', 'note'] },
        { line: 2, fields: ['Smith, Ann', 'She said "hi"\nand left'] },
        { line: 4, fields: ['Bob', ''] },
      ],
    });
  });

  it('skips a byte order mark and blank lines, keeps empty fields', () => {
    expect(parseCsv('\ufeffa,b\n\n,\n\nx,\n')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 3, fields: ['', ''] },
        { line: 5, fields: ['x', ''] },
      ],
    });
  });

  it('names the line of a quote that is never closed', () => {
    expect(parseCsv('a\nb\n"open\nmore')).toEqual({ error: 'a quoted field is not closed', line: 3 });
  });
});
