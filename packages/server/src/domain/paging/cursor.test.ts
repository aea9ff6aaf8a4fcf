import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { decodeConversationCursor, decodePickCursor, encodeConversationCursor, encodePickCursor } from './cursor.js';

const id = '0b7c6f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const at = '2026-04-01T10:00:00.123456Z';

describe('list cursors', () => {
  it('round-trip the sort key of the last row, microseconds included', () => {
    expect(decodeConversationCursor(encodeConversationCursor({ createdAt: at, id }))).toEqual({ createdAt: at, id });
    const pick = { queuePriority: 1, priority: -5, routingAge: at, id };
    expect(decodePickCursor(encodePickCursor(pick))).toEqual(pick);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ["another list's cursor", encodePickCursor({ queuePriority: 1, priority: 1, routingAge: at, id })],
    ['a bad id', Buffer.from(JSON.stringify(['conversations', at, 'x'])).toString('base64url')],
    [
      'a bad time',
      Buffer.from(JSON.stringify(['conversations', '2026-13-45T99:00:00.000000Z', id])).toString('base64url'),
    ],
    ['too long', 'A'.repeat(1000)],
    [
      'a day that does not exist',
      Buffer.from(JSON.stringify(['conversations', '2026-02-30T00:00:00.000000Z', id])).toString('base64url'),
    ],
    [
      'hour 24',
      Buffer.from(JSON.stringify(['conversations', '2026-01-01T24:00:00.000000Z', id])).toString('base64url'),
    ],
    [
      'year zero',
      Buffer.from(JSON.stringify(['conversations', '0000-01-01T00:00:00.000000Z', id])).toString('base64url'),
    ],
  ])('refuse %s with a clear 400 reason', (_name, cursor) => {
    let thrown: unknown;
    try {
      decodeConversationCursor(cursor);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).kind).toBe('invalid');
    expect((thrown as DomainError).message).toMatch(/cursor is not valid/);
  });

  it('refuses a pick cursor whose numbers do not fit a column', () => {
    const c = Buffer.from(JSON.stringify(['pick', 2 ** 40, 1, at, id])).toString('base64url');
    expect(() => decodePickCursor(c)).toThrow(/cursor is not valid/);
  });
});
