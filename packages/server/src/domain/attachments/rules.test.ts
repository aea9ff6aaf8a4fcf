import { describe, expect, it } from 'vitest';
import { channelRefusal, checkUpload, cleanFileName } from './rules.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const TEXT = new TextEncoder().encode('hello');
const PDF = new TextEncoder().encode('%PDF-1.4 ...');
const limits = { maxBytes: 1024, types: ['image/png', 'text/plain'] };

describe('which uploads are kept (AG4)', () => {
  it.each([
    ['a png declared png', 'image/png', PNG, { ok: true, contentType: 'image/png' }],
    ['a declared type with parameters', 'image/PNG; x=1', PNG, { ok: true, contentType: 'image/png' }],
    ['text declared text with a charset', 'text/plain; charset=utf-8', TEXT, { ok: true, contentType: 'text/plain' }],
    ['a file over the limit', 'image/png', new Uint8Array(1025), { refusal: 'too-large', message: /up to 1 KiB/ }],
    ['an empty file', 'text/plain', new Uint8Array(0), { refusal: 'invalid', message: /empty/ }],
    ['no declared type', undefined, PNG, { refusal: 'unsupported', message: /Content-Type/ }],
    ['a type the organisation does not allow', 'application/pdf', PDF, { refusal: 'unsupported', message: /allowed/ }],
    ['an unknown type', 'application/zip', PNG, { refusal: 'unsupported', message: /application\/zip/ }],
    ['text bytes declared as png', 'image/png', TEXT, { refusal: 'unsupported', message: /bytes are text\/plain/ }],
    ['png bytes declared as text', 'text/plain', PNG, { refusal: 'unsupported', message: /bytes are image\/png/ }],
    [
      'zip bytes declared as png',
      'image/png',
      new Uint8Array([0x50, 0x4b, 3, 4, 0]),
      { refusal: 'unsupported', message: /none of the known/ },
    ],
  ])('%s', (_what, declaredType, data, want) => {
    const got = checkUpload({ declaredType, fileName: 'f', data }, limits);
    if ('ok' in want) expect(got).toMatchObject(want);
    else {
      expect(got).toMatchObject({ ok: false, refusal: want.refusal });
      expect(got.ok ? '' : got.message).toMatch(want.message);
    }
  });

  it('checks the size first: a huge file of a forbidden type is refused as too large', () => {
    expect(
      checkUpload({ declaredType: 'application/zip', fileName: 'x', data: new Uint8Array(2000) }, limits),
    ).toMatchObject({ refusal: 'too-large' });
  });
});

describe('file names as kept', () => {
  it.each([
    ['photo.png', 'photo.png'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\eve\\invoice.pdf', 'invoice.pdf'],
    ['.hidden', 'hidden'],
    ['a"b<c>:d|e?.txt', 'abcde.txt'],
    ['line\nbreak\u0000.txt', 'linebreak.txt'],
    ['  many   spaces .txt ', 'many spaces .txt'],
    ['\u202egnp.exe', 'gnp.exe'],
    ['', 'file'],
    ['///', 'file'],
    [`${'a'.repeat(200)}.jpeg`, `${'a'.repeat(115)}.jpeg`],
  ])('%j is kept as %j', (name, kept) => {
    expect(cleanFileName(name)).toBe(kept);
  });
});

describe('channels that carry files', () => {
  it.each([
    ['webchat', true, null],
    ['sms', false, /SMS carries no files/],
    ['custom', false, /custom channel carry no files/],
  ] as const)('%s', (channel, carries, want) => {
    const got = channelRefusal(channel, carries);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatch(want);
  });
});
