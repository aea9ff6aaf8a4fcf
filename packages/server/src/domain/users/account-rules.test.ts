import { describe, expect, it } from 'vitest';
import { accountChangeRefusal, type AccountChangeFacts } from './account-rules.js';

const base: AccountChangeFacts = {
  meId: 'ada',
  target: { id: 'ann', role: 'agent', disabled: false },
  change: { role: 'agent', disabled: false },
  activeAdmins: 1,
};

describe('what an admin may change about an account (AD1)', () => {
  it.each([
    ['rename an agent', {}, null],
    ['make an agent a supervisor', { change: { role: 'supervisor', disabled: false } }, null],
    ['disable an agent', { change: { role: 'agent', disabled: true } }, null],
    [
      'disable themselves',
      { target: { id: 'ada', role: 'admin', disabled: false }, change: { role: 'admin', disabled: true } },
      'cannot disable your own account',
    ],
    [
      'take away their own admin role',
      { target: { id: 'ada', role: 'admin', disabled: false }, change: { role: 'agent', disabled: false } },
      'own admin role',
    ],
    [
      'demote the only active admin',
      { target: { id: 'bo', role: 'admin', disabled: false }, change: { role: 'agent', disabled: false } },
      'at least one active admin',
    ],
    [
      'demote an admin when another remains',
      {
        target: { id: 'bo', role: 'admin', disabled: false },
        change: { role: 'agent', disabled: false },
        activeAdmins: 2,
      },
      null,
    ],
    [
      'turn an API client into a person',
      { target: { id: 'bot', role: 'api', disabled: false }, change: { role: 'agent', disabled: false } },
      'API client',
    ],
    [
      'change a disabled admin',
      { target: { id: 'bo', role: 'admin', disabled: true }, change: { role: 'agent', disabled: true } },
      null,
    ],
  ] as const)('%s', (_name, over, why) => {
    const refusal = accountChangeRefusal({ ...base, ...over } as AccountChangeFacts);
    if (why === null) expect(refusal).toBeNull();
    else {
      expect(refusal?.kind).toBe('conflict');
      expect(refusal?.message).toContain(why);
    }
  });
});
