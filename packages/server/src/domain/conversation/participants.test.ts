import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { authorize, mayDo, staffPart, type StaffAction, type StaffPart } from './participants.js';

const ACTIONS: StaffAction[] = ['read', 'write-note', 'message-customer', 'end', 'close', 'transfer', 'consult'];
// By hand from SPEC CV2/SV2: only the primary agent acts on the conversation.
const EXPECTED: Record<StaffPart, StaffAction[]> = {
  primary: ACTIONS,
  consultant: ['read', 'write-note'],
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
  });
});
