import { describe, expect, it } from 'vitest';
import { chunkCsv } from './csv-chunks';

// AG9 import: a big file goes in chunks, each with the header, split only between records.
describe('chunkCsv', () => {
  it('gives each chunk the header and the file line of its first record', () => {
    const text = 'name,email\nAnn,a@x.example\nBob,b@x.example\nCid,c@x.example\n';
    expect(chunkCsv(text, 35)).toEqual([
      { csv: 'name,email\nAnn,a@x.example\n', firstLine: 2, rows: 1 },
      { csv: 'name,email\nBob,b@x.example\n', firstLine: 3, rows: 1 },
      { csv: 'name,email\nCid,c@x.example\n', firstLine: 4, rows: 1 },
    ]);
    expect(chunkCsv(text)).toEqual([{ csv: text, firstLine: 2, rows: 3 }]);
  });

  it('keeps a quoted line break inside its record and counts its lines', () => {
    const text = 'name,note\r\n"Ann","two\nlines"\r\nBob,x';
    expect(chunkCsv(text, 10)).toEqual([
      { csv: 'name,note\r\n"Ann","two\nlines"\r\n', firstLine: 2, rows: 1 },
      { csv: 'name,note\r\nBob,x\n', firstLine: 4, rows: 1 },
    ]);
  });

  it('has no chunk for a file with a header only, or nothing', () => {
    expect(chunkCsv('name\n')).toEqual([]);
    expect(chunkCsv('')).toEqual([]);
  });
});
