import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../packages/server/src/store/db.js';

/**
 * The database's own limit for the same rows: conversation_events inserts of the payload the run
 * stored, one per transaction, `width` at a time, into the run's conversations. Bounded by
 * `rows` and `seconds`.
 */
export async function bareInserts(
  db: Db,
  orgId: string,
  conversationIds: string[],
  opts: { rows: number; seconds: number; width: number },
) {
  const [sample] = rowsOf<{ payload: unknown }>(
    await db.execute(
      sql`select payload from conversation_events where org_id = ${orgId}::uuid and type = 'message' limit 1`,
    ),
  );
  const payload = JSON.stringify(sample?.payload ?? {});
  let next = 0;
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  const worker = async () => {
    while (next < opts.rows && performance.now() < deadline) {
      const n = next++;
      await db.execute(sql`insert into conversation_events (org_id, conversation_id, seq, public_seq, type, payload, client_id, created_at)
        values (${orgId}::uuid, ${conversationIds[n % conversationIds.length]!}::uuid, ${1_000_000 + n}::int, ${1_000_000 + n}::int, 'message', ${payload}::jsonb, ${randomUUID()}, now())`);
    }
  };
  await Promise.all(Array.from({ length: opts.width }, worker));
  return { rows: next, perSecond: next / ((performance.now() - start) / 1000), payloadBytes: payload.length };
}
