import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './db.js';
import type { EventRow, NewEvent } from './events.js';

/**
 * Who may append a message on the one-statement path, and in which states (the same rules the
 * services check on their full path): the customer until the conversation ends; the primary
 * agent to the customer while accepted and active, or a note until it is closed.
 */
export type MessageGate = { kind: 'customer' } | { kind: 'primary-agent'; userId: string; internal: boolean };

export type QuickMessage = { event: NewEvent & { clientId: string }; gate: MessageGate };

type RawEvent = {
  id: string;
  org_id: string;
  conversation_id: string;
  seq: number;
  public_seq: number | null;
  type: string;
  payload: Record<string, unknown> | string;
  client_id: string | null;
  created_at: Date | string;
};

const gateName = (g: MessageGate) => (g.kind === 'customer' ? 'customer' : g.internal ? 'note' : 'agent');

/**
 * Messages of different conversations in one statement, without a transaction around it: the
 * UPDATE numbers each (taking its conversation's row lock, as `appendEvent` does) only when its gate
 * holds and no event has its client key yet, and the INSERT stores it with those numbers; a
 * customer's message also stamps `last_customer_message_at` and takes the customer name as its
 * author. A reply on a channel such as SMS takes the full path, which writes its outbox row with
 * it. Each answer is the stored row, or undefined when its conversation did not match: the
 * caller then takes its full path, which says why (or returns the stored retry). Two messages of
 * one conversation must not share a batch (one UPDATE touches a row once). A concurrent retry
 * with the same key makes the INSERT fail on the unique index and the statement rolls back whole,
 * so no number is lost; the caller then tries each message alone.
 */
export async function appendMessagesIfClear(db: Db, batch: QuickMessage[]): Promise<(EventRow | undefined)[]> {
  const input = batch.map(({ event: e, gate }, n) => {
    const { type, ...payload } = e.body;
    return {
      n,
      conversation_id: e.conversationId,
      org_id: e.orgId,
      gate: gateName(gate),
      user_id: gate.kind === 'primary-agent' ? gate.userId : null,
      public: e.public,
      type,
      payload,
      client_id: e.clientId,
      at: e.at.toISOString(),
    };
  });
  const result = await db.execute(sql`
    with i as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as i(n int, conversation_id uuid, org_id uuid,
        gate text, user_id uuid, public boolean, type text, payload jsonb, client_id text, at timestamptz)
    ), n as (
      update conversations c
      set last_seq = c.last_seq + 1,
        last_public_seq = c.last_public_seq + case when i.public then 1 else 0 end,
        updated_at = i.at,
        last_customer_message_at = case when i.gate = 'customer' then i.at else c.last_customer_message_at end
      from i
      where c.id = i.conversation_id and c.org_id = i.org_id
        and (
          (i.gate = 'customer' and c.state not in ('wrap-up', 'closed'))
          or (i.gate = 'note' and c.agent_id = i.user_id and c.state <> 'closed')
          or (i.gate = 'agent' and c.agent_id = i.user_id and c.state = 'active' and c.accepted_at is not null
            and c.channel_id is null and c.callback_id is null)
        )
        and not exists (
          select 1 from conversation_events x where x.conversation_id = c.id and x.client_id = i.client_id
        )
      returning i.n, c.last_seq, c.last_public_seq, c.customer_name
    )
    insert into conversation_events (org_id, conversation_id, seq, public_seq, type, payload, client_id, created_at)
    select i.org_id, i.conversation_id, n.last_seq, case when i.public then n.last_public_seq end, i.type,
      case when i.gate = 'customer'
        then jsonb_set(i.payload, '{message,authorName}', to_jsonb(n.customer_name)) else i.payload end,
      i.client_id, i.at
    from n join i on i.n = n.n
    returning id, org_id, conversation_id, seq, public_seq, type, payload, client_id, created_at`);
  const stored = new Map(rowsOf<RawEvent>(result).map((r) => [`${r.conversation_id} ${r.client_id}`, r]));
  return batch.map(({ event: e }) => {
    const row = stored.get(`${e.conversationId} ${e.clientId}`);
    return row && toEventRow(row);
  });
}

function toEventRow(row: RawEvent): EventRow {
  return {
    id: row.id,
    orgId: row.org_id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    publicSeq: row.public_seq === null ? null : Number(row.public_seq),
    type: row.type,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload,
    clientId: row.client_id,
    createdAt: new Date(row.created_at),
  };
}
