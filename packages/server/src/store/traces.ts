import { and, asc, eq } from 'drizzle-orm';
import type { RoutingTraceEntry, TraceStep } from '@switchboard/protocol';
import type { Db } from './db.js';
import { routingTraces } from './schema.js';

type TraceRow = { orgId: string; conversationId: string; at: Date; steps: TraceStep[] };

export async function recordTrace(tx: Db, t: TraceRow): Promise<void> {
  if (t.steps.length) await tx.insert(routingTraces).values(t);
}

/** Many traces in one statement (a routing cycle's "nobody can take it" decisions). */
export async function recordTraces(tx: Db, rows: TraceRow[]): Promise<void> {
  if (rows.length) await tx.insert(routingTraces).values(rows);
}

export async function listTrace(db: Db, orgId: string, conversationId: string): Promise<RoutingTraceEntry[]> {
  const rows = await db
    .select()
    .from(routingTraces)
    .where(and(eq(routingTraces.orgId, orgId), eq(routingTraces.conversationId, conversationId)))
    .orderBy(asc(routingTraces.at), asc(routingTraces.id));
  return rows.map((r) => ({ at: r.at.toISOString(), steps: r.steps }));
}
