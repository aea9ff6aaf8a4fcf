import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  DEFAULT_SWITCHES,
  refusalError,
  roleRefusal,
  SUPERVISOR_SWITCHES,
  switchesFrom,
  switchRefusal,
} from './switches.js';

describe('supervisor switches (SV7)', () => {
  it('are all on for a new organisation', () => {
    expect(DEFAULT_SWITCHES).toEqual({ monitor: true, assign: true, transfer: true, 'force-close': true });
    expect(switchesFrom(null)).toEqual(DEFAULT_SWITCHES);
  });

  it('take what is stored, and the default for a missing, unknown or malformed key', () => {
    expect(switchesFrom({ monitor: false, assign: 'no', extra: false })).toEqual({
      ...DEFAULT_SWITCHES,
      monitor: false,
    });
  });

  it.each(SUPERVISOR_SWITCHES)('%s off refuses only its own command, naming it', (name) => {
    const off = { ...DEFAULT_SWITCHES, [name]: false };
    for (const other of SUPERVISOR_SWITCHES) {
      const refusal = switchRefusal(off, other);
      if (other !== name) expect(refusal).toBeNull();
      else expect(refusal).toEqual({ kind: 'forbidden', message: expect.stringContaining('an admin has turned off') });
    }
  });

  it.each([
    ['monitor', 'monitoring conversations'],
    ['assign', 'assigning conversations'],
    ['transfer', 'transferring conversations'],
    ['force-close', 'force closing conversations'],
  ] as const)('%s off says "%s"', (name, what) => {
    expect(switchRefusal({ ...DEFAULT_SWITCHES, [name]: false }, name)?.message).toContain(what);
  });
});

describe('who gives supervisor commands', () => {
  it.each([
    ['agent', 'only supervisors and admins may assign; you are signed in as agent'],
    ['supervisor', null],
    ['admin', null],
    ['api', null],
  ] as const)('%s → %s', (role, message) => {
    const refusal = roleRefusal(role, 'assign');
    expect(refusal?.message ?? null).toBe(message);
    if (refusal) expect(refusal.kind).toBe('forbidden');
  });
});

it('a refusal becomes the DomainError a service throws, with its kind and words', () => {
  const error = refusalError({ kind: 'forbidden', message: 'no' });
  expect(error).toBeInstanceOf(DomainError);
  expect([error.kind, error.message]).toEqual(['forbidden', 'no']);
});
