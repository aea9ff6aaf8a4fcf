import { describe, expect, it } from 'vitest';
import type { Presence, Role } from '@switchboard/protocol';
import { pickRefusal } from './pick-rules.js';

const ws = { name: 'Orders', allowedPresences: ['available', 'busy'] as Presence[] };

describe('pickRefusal (RT1, RT4: picking follows the rules push routing applies)', () => {
  it.each<[Role, Presence, ReturnType<typeof pickRefusal>]>([
    ['agent', 'available', null],
    ['agent', 'busy', null],
    [
      'agent',
      'away',
      { kind: 'conflict', message: 'your presence Away does not allow taking work from workstream Orders' },
    ],
    [
      'agent',
      'busy-dnd',
      { kind: 'conflict', message: 'your presence Do not disturb does not allow taking work from workstream Orders' },
    ],
    [
      'agent',
      'offline',
      { kind: 'conflict', message: 'your presence Offline does not allow taking work from workstream Orders' },
    ],
    [
      'supervisor',
      'available',
      { kind: 'forbidden', message: 'only agents take work from queues; a supervisor does not' },
    ],
    ['admin', 'available', { kind: 'forbidden', message: 'only agents take work from queues; an admin does not' }],
  ])('%s in %s → %j', (role, presence, expected) => {
    expect(pickRefusal({ role, presence }, ws)).toEqual(expected);
  });

  it('a presence the workstream allows is enough, whatever it is', () => {
    expect(pickRefusal({ role: 'agent', presence: 'away' }, { ...ws, allowedPresences: ['away'] })).toBeNull();
  });
});
