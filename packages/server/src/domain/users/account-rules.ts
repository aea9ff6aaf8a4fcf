import type { Role } from '@switchboard/protocol';
import { DomainError } from '../errors.js';

/** What the account rule reads (AD1): who changes whom, to what, and how many admins remain active. */
export type AccountChangeFacts = {
  meId: string;
  target: { id: string; role: Role; disabled: boolean };
  change: { role: Role; disabled: boolean };
  /** Active admins of the organisation now, the target included if they are one. */
  activeAdmins: number;
};

/**
 * Why an admin may not make this change, or null. No one locks themselves out (their own role
 * or account), and an organisation always keeps an active admin to manage it.
 */
export function accountChangeRefusal(f: AccountChangeFacts): DomainError | null {
  // A program's account has no email or password to change: its own routes rename and disable it.
  if (f.target.role === 'api') return new DomainError('conflict', 'this is an API client: change it under API clients');
  const self = f.meId === f.target.id;
  if (self && f.change.disabled) return new DomainError('conflict', 'you cannot disable your own account');
  if (self && f.change.role !== 'admin') return new DomainError('conflict', 'you cannot take away your own admin role');
  const wasActiveAdmin = f.target.role === 'admin' && !f.target.disabled;
  const staysActiveAdmin = f.change.role === 'admin' && !f.change.disabled;
  if (wasActiveAdmin && !staysActiveAdmin && f.activeAdmins <= 1)
    return new DomainError('conflict', 'the organisation needs at least one active admin');
  return null;
}
