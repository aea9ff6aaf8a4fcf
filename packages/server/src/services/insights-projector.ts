import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.js';
import type { DomainEvent, DomainEventListener } from '../domain/events.js';
import { factsOf } from '../domain/insights/facts-of.js';
import { cellsOfAllGrains } from '../domain/insights/grains.js';
import type { FactSet } from '../domain/insights/facts.js';
import { negateMeasures } from '../domain/insights/measure-fields.js';
import { foldFacts, mergeRollups, type Rollup } from '../domain/insights/rollup.js';
import type { Db } from '../store/db.js';
import { loadClosed, previousFacts, saveFacts, takePending } from '../store/insight-facts.js';
import { addToRollups, reportingZone } from '../store/insight-rollups.js';
import { transaction } from '../store/transaction.js';

const BATCH = 200;

/**
 * The reporting model's projector (SV9). Each close leaves a mark in its own transaction; this
 * takes the marks in batches and, in one transaction per batch, writes each conversation's facts
 * and adds them to the hourly rollups. A conversation closed again after a reopen has its old facts
 * taken away first, so it counts once. Runs when this node closes one and on a timer (for closes
 * on other nodes and marks left by a node that stopped); nodes share the work without overlap.
 */
export function createInsightsProjector({ db, clock, log }: { db: Db; clock: Clock; log: Logger }) {
  let running: Promise<void> | null = null;
  let again = false;

  async function foldOrg(tx: Db, orgId: string, ids: string[]) {
    const closed = await loadClosed(tx, orgId, ids);
    const before = await previousFacts(
      tx,
      orgId,
      closed.map((c) => c.id),
    );
    const facts = closed.map((c) => ({ conversationId: c.id, facts: factsOf(c) }));
    const all = (sets: FactSet[]): FactSet => ({
      conversations: sets.flatMap((s) => s.conversations),
      sessions: sets.flatMap((s) => s.sessions),
      participants: sets.flatMap((s) => s.participants),
    });
    const undo: Rollup[] = foldFacts(all([...before.values()])).map((r) => ({
      key: r.key,
      measures: negateMeasures(r.measures),
    }));
    const hourly = mergeRollups(undo, foldFacts(all(facts.map((f) => f.facts))));
    // Shared: an admin's zone change (which rebuilds the day and month cells) waits for this fold.
    const zone = await reportingZone(tx, orgId, { forShare: true });
    await addToRollups(tx, orgId, cellsOfAllGrains(hourly, zone));
    await saveFacts(tx, orgId, facts, clock.now());
  }

  /** One batch; returns how many marks it took. */
  const foldBatch = () =>
    transaction(db, async (tx) => {
      const taken = await takePending(tx, BATCH);
      const byOrg = new Map<string, string[]>();
      for (const t of taken) byOrg.set(t.orgId, [...(byOrg.get(t.orgId) ?? []), t.conversationId]);
      for (const [orgId, ids] of byOrg) await foldOrg(tx, orgId, ids);
      return taken.length;
    });

  /** Folds until nothing waits; returns how many conversations it folded. */
  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await foldBatch();
      total += n;
      if (n < BATCH) return total;
    }
  }

  function kick() {
    if (running) {
      again = true;
      return;
    }
    running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(drain)
      .then(() => undefined)
      .catch((err: unknown) => log.error({ msg: 'folding closed conversations into the reports failed', err }))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  const listener: DomainEventListener = (event: DomainEvent) => {
    if (event.kind === 'conversation-event' && event.staff.type === 'state' && event.staff.to === 'closed') kick();
  };

  return {
    listener,
    drain,
    /** Fold soon: a close, or a closed conversation marked again (a late post-chat survey, CH1). */
    kick,
    /** Resolves once the folds this node started are done (tests, shutdown). */
    async idle() {
      while (running) await running;
    },
  };
}
