import type { ConversationEvent } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { deliveryMarks } from './delivery-marks';

const conversationId = '00000000-0000-4000-8000-000000000001';
const m1 = '00000000-0000-4000-8000-0000000000a1';
const m2 = '00000000-0000-4000-8000-0000000000a2';
let seq = 0;
const delivery = (messageId: string, status: string, reason: string | null = null): ConversationEvent =>
  ({
    type: 'delivery',
    conversationId,
    seq: ++seq,
    at: new Date().toISOString(),
    messageId,
    status,
    reason,
    attempts: 1,
  }) as ConversationEvent;

describe('delivery marks', () => {
  it('keeps the latest word on each message', () => {
    const marks = deliveryMarks([
      delivery(m1, 'queued'),
      delivery(m2, 'pending', 'HTTP 503'),
      delivery(m1, 'delivered'),
      delivery(m2, 'dead', 'HTTP 400: not a mobile number'),
    ]);
    expect(marks.get(m1)).toEqual({ status: 'delivered', reason: null, attempts: 1 });
    expect(marks.get(m2)).toEqual({ status: 'dead', reason: 'HTTP 400: not a mobile number', attempts: 1 });
  });

  it('has no mark for a message without delivery events (web chat)', () => {
    expect(deliveryMarks([]).size).toBe(0);
  });
});
