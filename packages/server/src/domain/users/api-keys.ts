import type { Role } from '@switchboard/protocol';

/** What the store says about a presented key now (read on every request, no cache). */
export type KeyFacts = {
  /** A key with that prefix exists and the secret's hash matches its own. */
  matches: boolean;
  role: Role;
  revoked: boolean;
  clientDisabled: boolean;
  orgDisabled: boolean;
};

/**
 * Why a presented API key does not stand, or null (AD1). A key that does not match says nothing
 * about the key it resembles; a revoked key, a disabled client or organisation say what to ask for.
 */
export function keyRefusal(f: KeyFacts): string | null {
  if (!f.matches || f.role !== 'api') return 'This API key is not valid; check that it was copied whole';
  if (f.orgDisabled) return 'This organisation is disabled; nobody can sign in to it';
  if (f.clientDisabled) return 'This API client is disabled; ask an admin to enable it';
  if (f.revoked) return 'This API key has been revoked; ask an admin for a new one';
  return null;
}

/** A key in use records when it was last used to the minute: one write a minute, not one per request. */
export const LAST_USED_STEP_MS = 60_000;

export const lastUsedDue = (lastUsedAt: Date | null, now: Date) =>
  lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_STEP_MS;
