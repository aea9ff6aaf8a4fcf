import type { Role } from '@switchboard/protocol';
import { DomainError } from '../errors.js';
import { overseesOrganisation } from '../users/route-access.js';

/**
 * The admin's supervisor switches (SV7), one per command, per organisation. Join has no switch of
 * its own: a supervisor joins from monitoring, so it follows the monitor switch.
 */
export const SUPERVISOR_SWITCHES = ['monitor', 'assign', 'transfer', 'force-close'] as const;
export type SupervisorSwitch = (typeof SUPERVISOR_SWITCHES)[number];
export type SupervisorSwitches = Readonly<Record<SupervisorSwitch, boolean>>;

/**
 * All on: a new organisation can try every command its supervisors are shown, and an admin who
 * wants fewer turns them off one by one (the reference ships them as settings to enable).
 */
export const DEFAULT_SWITCHES: SupervisorSwitches = {
  monitor: true,
  assign: true,
  transfer: true,
  'force-close': true,
};

/** The switches as stored (a missing or unknown key falls back to its default), complete. */
export function switchesFrom(stored: Partial<Record<string, unknown>> | null | undefined): SupervisorSwitches {
  const out = { ...DEFAULT_SWITCHES };
  for (const name of SUPERVISOR_SWITCHES) {
    const value = stored?.[name];
    if (typeof value === 'boolean') out[name] = value;
  }
  return out;
}

/** How a refusal reads to a person; the HTTP layer maps `kind` to 403 or 409. */
export type Refusal = { kind: 'forbidden' | 'conflict'; message: string };

/** The refusal as the error a service throws inside its transaction, so nothing is written. */
export const refusalError = (r: Refusal) => new DomainError(r.kind, r.message);

const WHAT: Record<SupervisorSwitch, string> = {
  monitor: 'monitoring conversations',
  assign: 'assigning conversations',
  transfer: 'transferring conversations',
  'force-close': 'force closing conversations',
};

/**
 * Why a command whose switch is off is refused, or null when it is on. It binds admins too: the
 * switch is the organisation's policy, and an admin who disagrees turns it back on.
 */
export function switchRefusal(switches: SupervisorSwitches, name: SupervisorSwitch): Refusal | null {
  if (switches[name]) return null;
  return { kind: 'forbidden', message: `an admin has turned off ${WHAT[name]} for this organisation` };
}

/**
 * Only supervisors and admins give supervisor commands, and API clients (AD1) as programs of theirs;
 * an agent is refused whatever the switches say.
 */
export function roleRefusal(role: Role, verb: string): Refusal | null {
  if (overseesOrganisation(role)) return null;
  return { kind: 'forbidden', message: `only supervisors and admins may ${verb}; you are signed in as ${role}` };
}
