import { describe, expect, it } from 'vitest';
import { keyRefusal, lastUsedDue, type KeyFacts } from './api-keys.js';

const good: KeyFacts = { matches: true, role: 'api', revoked: false, clientDisabled: false, orgDisabled: false };

describe('whether a presented API key stands (AD1)', () => {
  it.each<[string, Partial<KeyFacts>, string | null]>([
    ['a matching key of an active client', {}, null],
    ['a wrong secret or unknown prefix', { matches: false }, 'not valid'],
    ['a wrong secret of a revoked key: nothing about the key', { matches: false, revoked: true }, 'not valid'],
    ['a key whose user is a person', { role: 'admin' }, 'not valid'],
    ['a revoked key', { revoked: true }, 'has been revoked'],
    ['a disabled client', { clientDisabled: true }, 'API client is disabled'],
    ['a disabled organisation', { orgDisabled: true }, 'organisation is disabled'],
    ['a disabled organisation over a disabled client', { orgDisabled: true, clientDisabled: true }, 'organisation'],
  ])('%s', (_what, over, refusal) => {
    const answer = keyRefusal({ ...good, ...over });
    if (refusal === null) expect(answer).toBeNull();
    else expect(answer).toContain(refusal);
  });
});

describe('when a key in use records its last use (AD1)', () => {
  const now = new Date('2026-05-01T10:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it.each<[string, Date | null, boolean]>([
    ['never used', null, true],
    ['used a second ago', ago(1_000), false],
    ['used 59.999 s ago', ago(59_999), false],
    ['used a minute ago', ago(60_000), true],
    ['used an hour ago', ago(3_600_000), true],
    ['recorded ahead by another node', ago(-5_000), false],
  ])('%s', (_what, lastUsedAt, due) => {
    expect(lastUsedDue(lastUsedAt, now)).toBe(due);
  });
});
