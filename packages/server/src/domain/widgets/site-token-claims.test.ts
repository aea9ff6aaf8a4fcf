import { describe, expect, it } from 'vitest';
import { checkSiteClaims, CLOCK_TOLERANCE_SECONDS } from './site-token-claims.js';

// CH1, CH5: the claims of a site's sign-in token, after its RS256 signature stood.
const now = new Date('2026-12-04T10:00:00Z');
const t = now.getTime() / 1000;
const expected = { issuer: 'https://shop.example', widgetId: 'shop-chat', now };
const good = { iss: 'https://shop.example', sub: 'CUST-1', iat: t - 10, exp: t + 600 };

describe('checkSiteClaims (CH1, CH5)', () => {
  it('accepts iss, iat, exp and sub, with no context', () => {
    expect(checkSiteClaims(good, expected)).toEqual({ ok: true, sub: 'CUST-1', context: {} });
  });

  it.each([
    ['another issuer', { iss: 'https://evil.example' }, /issuer \(iss\) is "https:\/\/evil.example"/],
    ['no issuer', { iss: undefined }, /issuer \(iss\) is null/],
    ['no exp', { exp: undefined }, /no expiry \(exp\)/],
    ['exp as text', { exp: String(t + 600) }, /no expiry/],
    ['expired beyond the tolerance', { exp: t - CLOCK_TOLERANCE_SECONDS - 1 }, /expired/],
    ['no iat', { iat: undefined }, /no issue time \(iat\)/],
    ['iat in the future', { iat: t + CLOCK_TOLERANCE_SECONDS + 5 }, /issued in the future/],
    ['nbf ahead', { nbf: t + 3600 }, /not valid yet/],
    ['aud of another widget', { aud: 'other-chat' }, /another widget \(aud\), not shop-chat/],
    ['aud list without this widget', { aud: ['a', 'b'] }, /another widget/],
    ['no sub', { sub: undefined }, /names no customer \(sub\)/],
    ['blank sub', { sub: '  ' }, /names no customer/],
    ['sub as a number', { sub: 42 }, /names no customer/],
    ['a very long sub', { sub: 'x'.repeat(201) }, /longer than 200/],
    ['lwicontexts not JSON', { lwicontexts: '{nope' }, /lwicontexts is not JSON/],
    ['lwicontexts an array', { lwicontexts: '[1,2]' }, /not an object of context variables/],
    ['lwicontexts nested', { lwicontexts: { a: { b: 1 } } }, /lwicontexts \(a\)/],
    [
      'lwicontexts with 51 variables',
      { lwicontexts: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) },
      /at most 50 context variables/,
    ],
  ])('refuses %s', (_what, change, message) => {
    const result = checkSiteClaims({ ...good, ...change }, expected);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('lets clocks differ by the tolerance', () => {
    const skewed = { ...good, iat: t + CLOCK_TOLERANCE_SECONDS - 1, exp: t - CLOCK_TOLERANCE_SECONDS + 1 };
    expect(checkSiteClaims(skewed, expected).ok).toBe(true);
  });

  it('accepts aud naming this widget, alone or in a list', () => {
    expect(checkSiteClaims({ ...good, aud: 'shop-chat' }, expected).ok).toBe(true);
    expect(checkSiteClaims({ ...good, aud: ['x', 'shop-chat'] }, expected).ok).toBe(true);
  });

  it('reads lwicontexts as a JSON string or as an object', () => {
    const vars = { plan: 'Gold', orders: 3, vip: true };
    expect(checkSiteClaims({ ...good, lwicontexts: JSON.stringify(vars) }, expected)).toMatchObject({ context: vars });
    expect(checkSiteClaims({ ...good, lwicontexts: vars }, expected)).toMatchObject({ context: vars });
  });
});
