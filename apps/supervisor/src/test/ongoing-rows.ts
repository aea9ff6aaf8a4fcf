import type { OngoingList, OngoingRow } from '@switchboard/protocol';

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const ON: OngoingList['switches'] = { monitor: true, assign: true, transfer: true, 'force-close': true };

/** A row of the ongoing list: Customer n, active with Bob, started n minutes before `base`. */
export function row(n: number, over: Partial<OngoingRow> = {}, base = Date.now()): OngoingRow {
  return {
    id: id(n),
    channel: 'webchat',
    channelId: null,
    customerAddress: null,
    state: 'active',
    queueId: id(90),
    queueName: 'Support',
    agentId: id(80),
    agentName: 'Bob Jansen',
    customerName: `Customer ${n}`,
    customerEmail: null,
    firstMessage: 'hi',
    createdAt: new Date(base - n * 60_000).toISOString(),
    acceptedAt: new Date(base - n * 60_000 + 30_000).toISOString(),
    endedAt: null,
    closedAt: null,
    lastSeq: 3,
    callbackId: null,
    waitingSince: new Date(base - n * 60_000).toISOString(),
    sentiment: null,
    ...over,
  };
}

export const page = (rows: OngoingRow[], nextCursor: string | null = null, total = rows.length): OngoingList => ({
  conversations: rows,
  total,
  nextCursor,
  switches: ON,
});
