import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  authorize,
  mayDo,
  mayTypeToCustomer,
  staffPart,
  type StaffAction,
  type StaffPart,
  type TypingFacts,
} from './participants.js';

const ACTIONS: StaffAction[] = [
  'read',
  'write-note',
  'message-customer',
  'end',
  'close',
  'transfer',
  'consult',
  'wrap-up',
];
// By hand from CV2/SV2: only the primary agent acts on the conversation.
const EXPECTED: Record<StaffPart, StaffAction[]> = {
  primary: ACTIONS,
  consultant: ['read', 'write-note'],
  'consultant-to-customer': ['read', 'write-note', 'message-customer'],
  monitor: ['read'],
  former: ['read'],
};

describe('participants', () => {
  it('the assigned agent is primary, then earlier participants, then supervisors monitor', () => {
    const c = { agentId: 'a' };
    expect(staffPart(c, { id: 'a', supervises: false, wasParticipant: false })).toBe('primary');
    expect(staffPart(c, { id: 'b', supervises: true, wasParticipant: true })).toBe('former');
    expect(staffPart(c, { id: 'b', supervises: true, wasParticipant: false })).toBe('monitor');
    expect(staffPart(c, { id: 'b', supervises: false, wasParticipant: false })).toBeNull();
  });

  it('an active consultant consults, writing to the customer only when the primary allows it', () => {
    const c = { agentId: 'a' };
    const user = { id: 'b', supervises: true, wasParticipant: true };
    expect(staffPart(c, { ...user, consulting: 'notes' })).toBe('consultant');
    expect(staffPart(c, { ...user, consulting: 'customer' })).toBe('consultant-to-customer');
    expect(staffPart(c, { ...user, consulting: null })).toBe('former');
  });

  for (const [part, allowed] of Object.entries(EXPECTED) as [StaffPart, StaffAction[]][]) {
    for (const action of ACTIONS) {
      const ok = allowed.includes(action);
      it(`${part} ${ok ? 'may' : 'may not'} ${action}`, () => {
        expect(mayDo(part, action)).toBe(ok);
        if (ok) expect(() => authorize(part, action)).not.toThrow();
        else expect(() => authorize(part, action)).toThrow(DomainError);
      });
    }
  }

  it('a stranger may do nothing, with a message saying why', () => {
    expect(() => authorize(null, 'read')).toThrow('you are not the agent of this conversation');
    expect(() => authorize(null, 'end')).toThrow('only the primary agent of this conversation may do that');
    expect(() => authorize('consultant', 'wrap-up')).toThrow('only the primary agent of this conversation fills in');
  });
});

describe('mayTypeToCustomer (CV2: only who may write to the customer types to them)', () => {
  const active: TypingFacts = { state: 'active', accepted: true, agentId: 'a' };
  it.each<[string, TypingFacts, { id: string; activeConsultant: boolean }, boolean]>([
    ['the primary agent of an accepted conversation', active, { id: 'a', activeConsultant: false }, true],
    ['the agent it is only offered to', { ...active, accepted: false }, { id: 'a', activeConsultant: false }, false],
    ['a monitoring supervisor', active, { id: 's', activeConsultant: false }, false],
    ['an active consultant', active, { id: 'c', activeConsultant: true }, true],
    ['the primary agent in wrap-up', { ...active, state: 'wrap-up' }, { id: 'a', activeConsultant: false }, false],
    [
      'the former agent of a conversation back in the queue',
      { state: 'open', accepted: false, agentId: null },
      { id: 'a', activeConsultant: false },
      false,
    ],
    [
      'a consultant once the conversation is closed',
      { ...active, state: 'closed' },
      { id: 'c', activeConsultant: true },
      false,
    ],
  ])('%s → %s', (_name, c, user, expected) => {
    expect(mayTypeToCustomer(c, user)).toBe(expected);
  });
});
