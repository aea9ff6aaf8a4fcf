import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RoutingTraceEntry, TraceStep } from '@switchboard/protocol';
import type { Db } from './db.js';
import { routingTraces, users } from './schema.js';
import { agentIdsIn, compactSteps, expandSteps } from './trace-encoding.js';

type TraceRow = { orgId: string; conversationId: string; at: Date; steps: TraceStep[] };

export async function recordTrace(tx: Db, t: TraceRow): Promise<void> {
  await recordTraces(tx, [t]);
}

/** Many traces in one statement (a routing cycle's "nobody can take it" decisions). */
export async function recordTraces(tx: Db, rows: TraceRow[]): Promise<void> {
  const stored = rows.filter((r) => r.steps.length).map((r) => ({ ...r, steps: compactSteps(r.steps) }));
  if (stored.length) await tx.insert(routingTraces).values(stored);
}

export async function listTrace(db: Db, orgId: string, conversationId: string): Promise<RoutingTraceEntry[]> {
  const rows = await db
    .select()
    .from(routingTraces)
    .where(and(eq(routingTraces.orgId, orgId), eq(routingTraces.conversationId, conversationId)))
    .orderBy(asc(routingTraces.at), asc(routingTraces.id));
  const ids = [...new Set(rows.flatMap((r) => agentIdsIn(r.steps)))];
  const names = new Map<string, string>();
  if (ids.length) {
    const found = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
    for (const u of found) names.set(u.id, u.name);
  }
  return rows.map((r) => ({
    at: r.at.toISOString(),
    steps: expandSteps(r.steps, (id) => names.get(id) ?? '(removed agent)'),
  }));
}
