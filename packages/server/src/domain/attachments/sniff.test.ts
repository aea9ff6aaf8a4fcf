import { describe, expect, it } from 'vitest';
import { sniffType } from './sniff.js';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('sniffing a file by its bytes (AG4)', () => {
  it.each([
    ['a png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png'],
    ['a jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'image/jpeg'],
    ['a gif87a', bytes('GIF87a', [1, 0]), 'image/gif'],
    ['a gif89a', bytes('GIF89a', [1, 0]), 'image/gif'],
    ['a webp', bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['a pdf', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['plain ASCII text', bytes('order 1234\n'), 'text/plain'],
    ['UTF-8 text with accents and emoji', bytes('café 😀'), 'text/plain'],
    ['a RIFF that is not webp (a wav)', bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt '), null],
    ['text holding a NUL', bytes('ab', [0], 'cd'), null],
    ['bytes that are not UTF-8', bytes([0xc3, 0x28, 0x41]), null],
    ['a zip', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0xff]), null],
    ['an executable (NUL bytes)', bytes([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), null],
    ['a png cut short', bytes([0x89, 0x50, 0x4e, 0x47]), null],
    ['nothing', bytes(), null],
  ])('%s is %s', (_what, data, type) => {
    expect(sniffType(data)).toBe(type);
  });
});
