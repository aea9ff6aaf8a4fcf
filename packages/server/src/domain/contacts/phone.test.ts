import { describe, expect, it } from 'vitest';
import { digitsOf, toE164, toOurNumber } from './phone.js';

describe('phone numbers in E.164', () => {
  it.each([
    ['+31612345678', undefined, '+31612345678'],
    ['31612345678', undefined, '+31612345678'],
    ['0031 6 12345678', undefined, '+31612345678'],
    ['06 12345678', 'NL', '+31612345678'],
    ['+1 (425) 555-0123', undefined, '+14255550123'],
    ['14255550123', undefined, '+14255550123'],
    ['whatsapp:+32470123456', undefined, '+32470123456'],
    ['01 23 45 67 89', 'FR', '+33123456789'],
  ] as const)('%s (%s) is %s', (raw, country, e164) => {
    expect(toE164(raw, country)).toBe(e164);
  });

  it.each(['', '12', 'not a number', '+', '0612345678901234567890', '06 12345678'])('%j is not a number', (raw) => {
    // "06 12345678" without a country is read as international (+06...), which is not possible.
    expect(toE164(raw)).toBeNull();
  });

  it('writes digits without the plus for providers that want them', () => {
    expect(digitsOf('+31612345678')).toBe('31612345678');
  });
});

describe('our numbers', () => {
  it('are long codes in E.164 or short codes as their digits', () => {
    expect(toOurNumber('+1 (501) 712-2661')).toBe('+15017122661');
    expect(toOurNumber('31612345678')).toBe('+31612345678');
    expect(toOurNumber('4442')).toBe('4442');
    expect(toOurNumber(' 88888 ')).toBe('88888');
    expect(toOurNumber('12')).toBeNull();
    expect(toOurNumber('reception')).toBeNull();
  });
});
