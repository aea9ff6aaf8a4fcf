import type { ConversationEvent } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { consultEvent } from '../test/consult-fixtures';
import { alice } from '../test/outbound-fixtures';
import { BEN, CONVERSATION, T0 } from '../test/transfer-fixtures';
import { activeConsultants, consultParts, myConsult } from './consult-status';

const ben = { id: BEN, name: 'Ben Okafor' };
const sue = { toName: 'Sue Supervisor' };

describe('consult status (AG5)', () => {
  it('follows each person from asked to consulting, their permission, and out again', () => {
    const events = [consultEvent(1, 'requested'), consultEvent(2, 'requested', sue)];
    expect(consultParts(events).map((p) => [p.name, p.status])).toEqual([
      ['Ben Okafor', 'asked'],
      ['Sue Supervisor', 'asked'],
    ]);
    events.push(consultEvent(3, 'accepted'), consultEvent(4, 'rejected', sue));
    expect(consultParts(events)).toEqual([{ name: 'Ben Okafor', status: 'consulting', mayMessageCustomer: false }]);
    events.push(consultEvent(5, 'may-message-customer'));
    expect(activeConsultants(events)).toEqual([{ name: 'Ben Okafor', status: 'consulting', mayMessageCustomer: true }]);
    events.push(consultEvent(6, 'notes-only'));
    expect(activeConsultants(events)[0]!.mayMessageCustomer).toBe(false);
    events.push(consultEvent(7, 'left'));
    expect(consultParts(events)).toEqual([]);
  });

  it('a timed-out request is gone; a join after leaving starts from notes only again', () => {
    expect(consultParts([consultEvent(1, 'requested'), consultEvent(2, 'timeout')])).toEqual([]);
    const again = [
      consultEvent(1, 'accepted'),
      consultEvent(2, 'may-message-customer'),
      consultEvent(3, 'left'),
      consultEvent(4, 'requested'),
      consultEvent(5, 'accepted'),
    ];
    expect(activeConsultants(again)).toEqual([{ name: 'Ben Okafor', status: 'consulting', mayMessageCustomer: false }]);
  });

  it('nobody consults once the conversation is closed', () => {
    const closed: ConversationEvent = {
      type: 'state',
      conversationId: CONVERSATION,
      seq: 3,
      at: new Date(T0).toISOString(),
      from: 'wrap-up',
      to: 'closed',
      reason: 'closed by the agent',
      actor: { type: 'agent', id: alice.id, name: alice.name },
    };
    expect(consultParts([consultEvent(1, 'accepted'), consultEvent(2, 'requested', sue), closed])).toEqual([]);
  });

  it('says how I consult; never for the primary agent, nor for someone only asked', () => {
    const joined = [consultEvent(1, 'requested'), consultEvent(2, 'accepted')];
    expect(myConsult(joined, ben, alice.id)).toMatchObject({ name: 'Ben Okafor', mayMessageCustomer: false });
    expect(myConsult(joined, ben, BEN)).toBeNull();
    expect(myConsult(joined.slice(0, 1), ben, alice.id)).toBeNull();
    expect(myConsult(joined, { id: alice.id, name: alice.name }, alice.id)).toBeNull();
    expect(myConsult(joined, null, alice.id)).toBeNull();
  });
});
