/**
 * Who receives what while a supervisor watches (SV2, SV3), as a rule the realtime layer asks
 * before emitting. A silent monitor receives the whole staff side and gives nothing back: no
 * event, typing or read state of theirs reaches the customer or the agent, so neither knows.
 * Their monitoring is recorded as a participant, for the audit, not announced.
 */

/** Where a signal comes from. `agent`: the primary agent or a consultant. */
export type Source = 'customer' | 'agent' | 'system' | 'monitoring-supervisor' | 'joined-supervisor';

/** Who may receive it. `supervisor`: every supervisor monitoring or joined. */
export type Audience = 'customer' | 'agent' | 'supervisor';

/**
 * `message`: to the customer; `note`: internal; `staff-event`: state, offer, transfer, consult,
 * delivery (what the staff stream numbers); `sentiment`: a message's or the conversation's level.
 */
export type Signal =
  | 'message'
  | 'note'
  | 'staff-event'
  | 'typing'
  | 'read'
  | 'sentiment'
  | 'monitor-started'
  | 'monitor-stopped'
  | 'joined'
  | 'left';

const ALL: readonly Audience[] = ['customer', 'agent', 'supervisor'];
const STAFF: readonly Audience[] = ['agent', 'supervisor'];

// A missing entry reaches nobody. The monitoring supervisor's row is empty on purpose: whatever
// their client sends (typing, read) is dropped, and what they may not send is refused earlier.
const REACHES: Readonly<Record<Source, Partial<Record<Signal, readonly Audience[]>>>> = {
  customer: { message: ALL, typing: STAFF, read: STAFF },
  agent: { message: ALL, note: STAFF, 'staff-event': STAFF, typing: ALL, read: ALL },
  // Sentiment is for the people serving the customer, never shown to the customer it describes.
  system: { message: ALL, 'staff-event': STAFF, sentiment: STAFF },
  'monitoring-supervisor': {},
  // Once joined, agent and customer are told; the supervisor then writes like a consultant
  // allowed to write to the customer, so their typing and reading show too.
  'joined-supervisor': {
    joined: ALL,
    left: ALL,
    message: ALL,
    note: STAFF,
    'staff-event': STAFF,
    typing: ALL,
    read: ALL,
  },
};

/**
 * Whether a signal from `from` reaches `to`. Supervision's rule only: the staff typing that
 * reaches the customer is further limited to whoever may write to them (`mayTypeToCustomer`).
 */
export function reaches(from: Source, signal: Signal, to: Audience): boolean {
  return REACHES[from][signal]?.includes(to) ?? false;
}

/** What a monitoring supervisor's feed carries: everything the staff side sees, live. */
export function monitorReceives(from: Source, signal: Signal): boolean {
  return reaches(from, signal, 'supervisor');
}

/** The source a supervisor's own signals count as, by the part they play. */
export function supervisorSource(part: 'monitoring' | 'joined'): Source {
  return part === 'monitoring' ? 'monitoring-supervisor' : 'joined-supervisor';
}
