import { describe, expect, it } from 'vitest';
import { encodeConversationCursor } from './cursor.js';
import { decodeOngoingCursor, encodeOngoingCursor, type OngoingCursor } from './ongoing-cursor.js';

const id = '0b7c6f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const at = '2026-04-01T10:00:00.123456Z';
const raw = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const refusal = (cursor: string, order: Pick<OngoingCursor, 'sort' | 'direction'>) => {
  try {
    decodeOngoingCursor(cursor, order);
  } catch (err) {
    return { kind: (err as { kind?: string }).kind, message: (err as Error).message };
  }
  return null;
};

describe('the ongoing list cursor (SV1)', () => {
  it.each<OngoingCursor>([
    { sort: 'newest', direction: 'desc', asOf: null, value: at, id },
    { sort: 'handle', direction: 'asc', asOf: null, value: null, id },
    { sort: 'wait', direction: 'desc', asOf: 1_775_000_000_000, value: 61_000_123, id },
    { sort: 'state', direction: 'asc', asOf: null, value: 3, id },
    { sort: 'sentiment', direction: 'asc', asOf: null, value: null, id },
    { sort: 'channel', direction: 'desc', asOf: null, value: 'sms', id },
    { sort: 'queue', direction: 'asc', asOf: null, value: id, id },
    { sort: 'agent', direction: 'desc', asOf: null, value: null, id },
  ])('round-trips the last row of a $sort page', (cursor) => {
    const text = encodeOngoingCursor(cursor);
    expect(text.length).toBeLessThanOrEqual(400);
    expect(decodeOngoingCursor(text, cursor)).toEqual(cursor);
  });

  it('holds only for the sort and direction it came with', () => {
    const wait = encodeOngoingCursor({ sort: 'wait', direction: 'desc', asOf: 1, value: 5, id });
    for (const order of [
      { sort: 'wait', direction: 'asc' },
      { sort: 'newest', direction: 'desc' },
    ] as const)
      expect(refusal(wait, order)).toEqual({
        kind: 'invalid',
        message: expect.stringContaining(`pass back a nextCursor of this sort (${order.sort}, ${order.direction})`),
      });
  });

  it.each([
    ['a staff list cursor', encodeConversationCursor({ createdAt: at, id }), 'newest'],
    ['a wait without its instant', raw(['ongoing', 'wait', 'desc', null, 5, id]), 'wait'],
    ['an instant on another sort', raw(['ongoing', 'state', 'desc', 5, 1, id]), 'state'],
    ['a fractional wait', raw(['ongoing', 'wait', 'desc', 1, 0.5, id]), 'wait'],
    ['a state beyond the four', raw(['ongoing', 'state', 'desc', null, 4, id]), 'state'],
    ['a sentiment rank as text', raw(['ongoing', 'sentiment', 'desc', null, '2', id]), 'sentiment'],
    ['an unknown channel', raw(['ongoing', 'channel', 'desc', null, 'fax', id]), 'channel'],
    ['a queue name, not its id', raw(['ongoing', 'queue', 'desc', null, 'Support', id]), 'queue'],
    [
      'a time PostgreSQL cannot hold',
      raw(['ongoing', 'newest', 'desc', null, '2026-02-30T00:00:00.000000Z', id]),
      'newest',
    ],
    ['a bad row id', raw(['ongoing', 'newest', 'desc', null, at, 'x']), 'newest'],
  ] as const)('refuses %s as not valid', (_what, cursor, sort) => {
    expect(refusal(cursor, { sort, direction: 'desc' })).toEqual({
      kind: 'invalid',
      message: expect.stringMatching(/^cursor is not valid: pass back the nextCursor/),
    });
  });
});
