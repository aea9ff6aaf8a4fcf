import type { DeliveryStatus } from '@switchboard/protocol';

/**
 * How the outbox retries a reply the provider did not take (CH5): a provider that is down or busy
 * is tried again after 5 s, 30 s, 2 min, 10 min, 30 min, then the reply is dead (an admin sees it
 * and may send it again); a provider that refused the message is not asked again.
 */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000] as const;

export type SendVerdict =
  | { status: 'pending'; nextAttemptAt: Date; reason: string }
  | { status: 'dead'; reason: string }
  | { status: DeliveryStatus; providerMessageId: string };

export function verdictOf(
  outcome:
    { ok: true; providerMessageId: string; status: DeliveryStatus } | { ok: false; retryable: boolean; reason: string },
  attempts: number,
  now: Date,
): SendVerdict {
  if (outcome.ok) return { status: outcome.status, providerMessageId: outcome.providerMessageId };
  const delay = RETRY_DELAYS_MS[attempts - 1];
  if (!outcome.retryable || delay === undefined) return { status: 'dead', reason: outcome.reason };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay), reason: outcome.reason };
}

const ORDER: Record<DeliveryStatus, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * Whether a provider's status callback moves the reply on: callbacks can arrive out of order
 * ("sent" after "delivered"), and a later one must never take a reply back. Failed is final.
 */
export function statusMovesOn(current: string, next: DeliveryStatus): boolean {
  if (current === 'failed' || current === 'dead') return false;
  const at = ORDER[current as DeliveryStatus];
  return at === undefined || ORDER[next] > at;
}
