import type { DeliveryStatus } from '@switchboard/protocol';

type KnownStatus = { status: DeliveryStatus; description: string };

/**
 * TeleSign's SMS status codes in our words (CH2), with TeleSign's description for callbacks that
 * carry none. Intermediate codes say how far the message got; every other code is a final failure.
 */
const SMS_STATUS: Record<number, KnownStatus> = {
  200: { status: 'delivered', description: 'Delivered to handset' },
  203: { status: 'sent', description: 'Delivered to gateway' },
  290: { status: 'queued', description: 'Message in progress' },
  291: { status: 'queued', description: 'Queued by TeleSign' },
  292: { status: 'sent', description: 'Queued by gateway' },
  295: { status: 'sent', description: 'Status delayed' },
  207: { status: 'failed', description: 'Error delivering SMS to handset (reason unknown)' },
  210: { status: 'failed', description: 'Temporary phone error' },
  211: { status: 'failed', description: 'Permanent phone error' },
  220: { status: 'failed', description: 'Gateway/network cannot route message' },
  221: { status: 'failed', description: 'Message expired before delivery' },
  222: { status: 'failed', description: 'SMS not supported' },
  229: { status: 'failed', description: 'Message blocked by customer request' },
  230: { status: 'failed', description: 'Message blocked by TeleSign' },
  231: { status: 'failed', description: 'Invalid/unsupported message content' },
  237: { status: 'failed', description: 'Message blocked in requested country' },
  238: { status: 'failed', description: 'Destination blocked by prefix' },
  250: { status: 'failed', description: 'Final status unknown' },
  251: { status: 'failed', description: 'Sent out for delivery, but no delivery receipt from the handset' },
};

/** Our status for a TeleSign code; `reason` is set when it failed ("TeleSign 210: Temporary phone error"). */
export function deliveryStatusOf(
  code: number,
  description: string | null,
): { status: DeliveryStatus; reason: string | null } {
  const known = SMS_STATUS[code];
  const status = known?.status ?? 'failed';
  if (status !== 'failed') return { status, reason: null };
  return { status, reason: `TeleSign ${code}: ${description || known?.description || 'unknown status'}` };
}

/** What we know of a TeleSign code, if it is one of the table's. */
export const knownStatus = (code: number): KnownStatus | undefined => SMS_STATUS[code];
