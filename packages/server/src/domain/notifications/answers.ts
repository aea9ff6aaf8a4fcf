import type { NotificationKind, NotificationState } from '@switchboard/protocol';

export type NotificationAnswer = 'open' | 'dismiss' | 'accept' | 'reject';

/**
 * Who may answer what (AG2): a toast is opened or dismissed, an alert accepted or rejected (on its
 * offer or transfer, which close it), and only while pending. Null: allowed; else why not.
 */
export function answerRefusal(
  n: { kind: NotificationKind; state: NotificationState },
  answer: NotificationAnswer,
): string | null {
  if (n.state !== 'pending') return `this notification is already ${n.state}`;
  const forToast = answer === 'open' || answer === 'dismiss';
  if (n.kind === 'alert' && forToast)
    return `an alert is not ${answer === 'open' ? 'opened' : 'dismissed'}: accept or reject it`;
  if (n.kind === 'toast' && !forToast) return `a toast is not ${answer}ed: open or dismiss it`;
  return null;
}

/** The state a notification ends in when its subject (offer or handoff) closes. */
export function stateForOutcome(outcome: 'accepted' | 'rejected' | 'timeout' | 'withdrawn'): NotificationState {
  return outcome === 'timeout' ? 'expired' : outcome;
}
