import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './db.js';
import { conversations, queues } from './schema.js';

// Reads for the metrics scrape (X4): every organisation at once, one statement each. They count
// what the node's operator watches; no organisation's data leaves the process except as numbers.

/** Conversations not yet closed, by state and channel (closed ones only grow: not worth a scan per scrape). */
export async function ongoingConversationCounts(db: Db): Promise<{ state: string; channel: string; count: number }[]> {
  const rows = rowsOf<{ state: string; channel: string; n: number }>(
    await db.execute(sql`select ${conversations.state} as state, ${conversations.channel} as channel, count(*)::int as n
      from ${conversations} where ${conversations.state} in ('open', 'active', 'waiting', 'wrap-up') group by 1, 2`),
  );
  return rows.map((r) => ({ state: r.state, channel: r.channel, count: Number(r.n) }));
}

/** Each queue's open conversations and how long the longest-waiting one has waited at `now`. */
export async function queueBacklog(
  db: Db,
  now: Date,
): Promise<{ queueId: string; name: string; length: number; longestWaitSeconds: number }[]> {
  const rows = rowsOf<{ id: string; name: string; n: number; wait: number | null }>(
    await db.execute(sql`select q.id, q.name, count(c.id)::int as n,
        extract(epoch from (${now.toISOString()}::timestamptz - min(c.waiting_since)))::float8 as wait
      from ${queues} q left join ${conversations} c on c.queue_id = q.id and c.org_id = q.org_id and c.state = 'open'
      group by q.id, q.name`),
  );
  return rows.map((r) => ({
    queueId: r.id,
    name: r.name,
    length: Number(r.n),
    longestWaitSeconds: Math.max(0, Number(r.wait ?? 0)),
  }));
}
