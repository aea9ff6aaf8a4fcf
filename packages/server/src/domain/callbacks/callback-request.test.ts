import { describe, expect, it } from 'vitest';
import { callbackOfferQueue, callbackRequestRefusal, callbackSummary, checkContact } from './callback-request.js';

const now = new Date('2026-12-02T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('callback requests (AG11)', () => {
  it.each([
    [{ state: 'closed', callbackQueueId: null, requested: false }, 'this chat was not offered a callback'],
    [{ state: 'closed', callbackQueueId: 'q', requested: true }, 'a callback is already requested for this chat'],
    [{ state: 'closed', callbackQueueId: 'q', requested: false }, null],
  ] as const)('%o: %s', (facts, refusal) => {
    expect(callbackRequestRefusal(facts)).toBe(refusal);
  });

  it.each([
    [{ phone: '+31 6 12345678' }, { ok: true, phone: '+31612345678', email: null, dueAt: now }],
    [{ phone: '06 12345678' }, { ok: false, message: 'phone: "06 12345678" is not a phone number' }],
    [{ email: 'a@b.example' }, { ok: true, phone: null, email: 'a@b.example', preferredAt: null }],
    [{ phone: ' ' }, { ok: false, message: 'give a phone number or an email address' }],
    [
      { email: 'a@b.example', preferredAt: later(-60_000) },
      { ok: true, preferredAt: new Date(later(-60_000)), dueAt: now },
    ],
    [
      { email: 'a@b.example', preferredAt: later(-10 * 60_000) },
      { ok: false, message: 'preferredAt: that time has passed' },
    ],
    [
      { email: 'a@b.example', preferredAt: later(3600_000) },
      { ok: true, dueAt: new Date(later(3600_000)) },
    ],
    [
      { email: 'a@b.example', preferredAt: later(15 * 86_400_000) },
      { ok: false, message: 'preferredAt: at most 14 days ahead' },
    ],
  ] as const)('contact %o', (input, expected) => {
    expect(checkContact(input, now)).toMatchObject(expected);
  });

  it('reads a national number in the chat language’s country', () => {
    expect(checkContact({ phone: '06 12345678' }, now, 'NL')).toMatchObject({ ok: true, phone: '+31612345678' });
  });

  it('finds the queue that offered it in the trace, only for a callback offer', () => {
    const trace = [
      {
        step: 'overflow' as const,
        queueId: 'q1',
        condition: 'size',
        action: { kind: 'offer-callback' as const, message: 'm' },
      },
    ];
    expect(callbackOfferQueue({ overflow: { kind: 'offer-callback' }, trace })).toBe('q1');
    expect(callbackOfferQueue({ overflow: { kind: 'message-and-end' }, trace })).toBeNull();
    expect(callbackOfferQueue({ overflow: null, trace: [] })).toBeNull();
  });

  it('sums it up for the agent', () => {
    expect(callbackSummary({ name: 'Eve', phone: '+31612345678', email: null, note: ' bill ' })).toBe(
      'Call back Eve (+31612345678): bill',
    );
  });
});
