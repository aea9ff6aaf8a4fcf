import type { Logger } from 'pino';
import type { TraceStep } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { assignmentStep, startAssignmentCycle } from '../domain/routing/assign.js';
import { charge } from '../domain/routing/capacity.js';
import { prioritize } from '../domain/routing/prioritize.js';
import type { AgentState, AssignmentDecision, RoutingConfig } from '../domain/routing/types.js';
import type { Db } from '../store/db.js';
import { escalatedAmong } from '../store/handoffs.js';
import { loadTemplates, type Templates } from '../store/notifications.js';
import { claimConversations } from '../store/routing.js';
import { loadRoutingConfig } from '../store/routing-config.js';
import { loadAgents, loadOpenItems } from '../store/routing-snapshot.js';
import { recordTraces } from '../store/traces.js';
import { transaction } from '../store/transaction.js';
import { announce, autoAccepted, claimFor, type OpenItem } from './offer-claims.js';
import type { EventBus } from './bus.js';
import { EventLog } from './event-log.js';
import type { PresenceService } from './presence.js';

export type RoutingEngineDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  bus: EventBus;
  presence: PresenceService;
  defaultOfferTimeoutSeconds: number;
  /** How long each block took to decide and claim, in seconds (the metrics' routing histogram). */
  onDecision?: (seconds: number) => void;
};

// The reference decides the top 100 items per cycle; a larger block spreads the cycle's reads wider.
const BLOCK_SIZE = 200;
// Blocks in a row that assign nothing before a run stops looking further down the queues.
const MAX_EMPTY_BLOCKS = 5;

/** Free units (profile room counts as one) an agent could still give to work now. */
function freeUnits(a: AgentState, allowed: ReadonlySet<string>): number {
  if (!allowed.has(a.presence)) return 0;
  return Math.max(0, a.capacity - a.usedCapacity) + (Object.values(a.profiles).some((p) => p.used < p.limit) ? 1 : 0);
}

/**
 * An upper bound of the work each queue's members can still take (an agent in two queues counts
 * in both). Items beyond it are not decided this run: it would only say again that nobody has room.
 */
function roomPerQueue(
  agents: Iterable<AgentState>,
  config: RoutingConfig,
  pushWorkstreams: readonly string[],
): Map<string, number> {
  const allowed = new Set(pushWorkstreams.flatMap((id) => config.workstreams.get(id)?.allowedPresences ?? []));
  const room = new Map<string, number>();
  for (const a of agents) {
    const free = freeUnits(a, allowed);
    if (free > 0) for (const q of a.queueIds) room.set(q, (room.get(q) ?? 0) + free);
  }
  return room;
}

/**
 * Assigns open conversations (RT3-RT5): loads the configuration and the agents fresh (so
 * a saved change applies to the next decision, on every node), lets the pure engine decide a
 * block of the most urgent items, and writes each decision as one conditional claim. `dispatch`
 * runs one organisation at a time on this node and coalesces triggers that arrive meanwhile;
 * other nodes may dispatch at the same moment, which the claims make safe.
 */
export function createRoutingEngine({
  db,
  clock,
  log,
  bus,
  presence,
  defaultOfferTimeoutSeconds,
  onDecision,
}: RoutingEngineDeps) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  // Only to avoid writing the same "nobody can take it" trace every cycle; not routing state.
  const lastWaitingTrace = new Map<string, string>();

  /** "Nobody can take it" is a decision too (RT5); the same one is not written again every cycle. */
  function waitingTrace(decision: AssignmentDecision): TraceStep | null {
    const step = assignmentStep(decision);
    const signature = JSON.stringify(step);
    if (lastWaitingTrace.get(decision.itemId) === signature) return null;
    if (lastWaitingTrace.size > 50_000) lastWaitingTrace.clear();
    lastWaitingTrace.set(decision.itemId, signature);
    return step;
  }

  /**
   * One block of the most urgent items, decided by the pure engine and written in one
   * transaction (one commit for the block). Returns how many were assigned, or -1 when a claim
   * lost to another node or a presence change: the caller reloads and goes on.
   */
  async function block(
    orgId: string,
    config: RoutingConfig,
    items: OpenItem[],
    engine: ReturnType<typeof startAssignmentCycle>,
    agents: Map<string, AgentState>,
    room: Map<string, number>,
    templates: Templates,
  ) {
    const traces: { conversationId: string; steps: TraceStep[] }[] = [];
    const now = clock.now();
    const chosen: { item: OpenItem; decision: AssignmentDecision }[] = [];
    for (const item of prioritize(items, config.queues) as OpenItem[]) {
      if ((room.get(item.queueId) ?? 0) <= 0) continue;
      const decision = engine.assign(item);
      if (decision.agentId !== null) {
        chosen.push({ item, decision });
        const units = item.need.kind === 'units' ? item.need.units : 1;
        for (const q of agents.get(decision.agentId)?.queueIds ?? []) room.set(q, (room.get(q) ?? 0) - units);
      } else {
        const step = waitingTrace(decision);
        if (step) traces.push({ conversationId: item.id, steps: [step] });
      }
    }
    // The block's decisions are written together: one transaction, a few statements, run again
    // whole after a deadlock (X2); what the block changes in memory follows the attempt that committed.
    const escalated = await escalatedAmong(
      db,
      orgId,
      chosen.map((c) => c.item.id),
    );
    const claims = chosen.map(({ item, decision }) =>
      claimFor({
        orgId,
        item,
        agentId: decision.agentId!,
        agentName: agents.get(decision.agentId!)?.name ?? '',
        trace: [assignmentStep(decision)],
        config,
        now,
        templates,
        escalated: escalated.has(item.id),
        defaultOfferTimeoutSeconds,
      }),
    );
    const { results, events } = await transaction(db, async (tx) => {
      const events = new EventLog();
      const results = await claimConversations(tx, claims);
      const recompute = new Set<string>();
      for (const [i, claimed] of results.entries()) {
        if (!claimed) continue;
        if (claimed.recomputePresence || claims[i]!.autoAccepted) recompute.add(claimed.offer.agentId);
        announce(events, orgId, chosen[i]!.item, claimed, claims[i]!, config, now);
        const claim = claims[i]!;
        if (claim.autoAccepted) await autoAccepted(tx, events, claim, agents.get(claim.agentId)?.name ?? '', now);
      }
      for (const agentId of recompute) await presence.recompute(tx, events, orgId, agentId);
      return { results, events };
    });
    let lost = 0;
    results.forEach((claimed, i) => {
      const { item, decision } = chosen[i]!;
      if (!claimed) {
        lost += 1;
        traces.push({ conversationId: item.id, steps: [assignmentStep(decision, true)] });
        return;
      }
      lastWaitingTrace.delete(item.id);
      const agent = agents.get(decision.agentId!);
      if (agent) agents.set(agent.id, charge(agent, item.need));
    });
    await recordTraces(
      db,
      traces.map((w) => ({ orgId, at: now, ...w })),
    );
    bus.publish(events.pending);
    // A lost claim means the snapshot is stale (another node, a presence change): reload.
    return lost > 0 ? -1 : chosen.length;
  }

  /**
   * One snapshot of configuration and agents, then blocks of the most urgent items until nothing
   * more can be assigned. The engine's working copy tracks what this run assigned; anything else
   * (a release, a presence change, a new item) triggers another run, which loads afresh.
   * Returns false when a claim was lost: the caller reloads and goes on.
   */
  async function cycle(orgId: string): Promise<boolean> {
    const config = await loadRoutingConfig(db, orgId);
    const templates = await loadTemplates(db, orgId);
    const push = [...config.workstreams.values()].filter((w) => w.distribution === 'push');
    const loaded = await loadAgents(db, orgId, clock.now());
    const engine = startAssignmentCycle(loaded, config, clock.now());
    // A copy that follows this run's assignments, so each block reads only queues that still have room.
    const agents = new Map(loaded.map((a) => [a.id, a]));
    let after: Parameters<typeof loadOpenItems>[2]['after'];
    for (let empty = 0; empty < MAX_EMPTY_BLOCKS;) {
      const room = roomPerQueue(
        agents.values(),
        config,
        push.map((w) => w.id),
      );
      const queueIds = [...room.keys()];
      if (queueIds.length === 0) return true;
      const items = await loadOpenItems(db, orgId, {
        queueIds,
        workstreamIds: push.map((w) => w.id),
        affinityWorkstreamIds: new Set(push.filter((w) => w.affinity).map((w) => w.id)),
        limit: BLOCK_SIZE,
        after,
      });
      const started = performance.now();
      const assigned = await block(orgId, config, items, engine, agents, room, templates);
      onDecision?.((performance.now() - started) / 1000);
      if (assigned < 0) return false;
      const last = items.at(-1);
      if (!last || items.length < BLOCK_SIZE) return true;
      // Items this run could not place stay behind; the keyset moves on to the next block.
      empty = assigned === 0 ? empty + 1 : 0;
      after = { queuePriority: last.queuePriority, priority: last.priority, routingAge: last.routingAge, id: last.id };
    }
    return true;
  }

  let stopped = false;

  async function run(orgId: string) {
    do {
      again.delete(orgId);
      for (let lost = 0; !(await cycle(orgId)) && lost < 20; lost++);
    } while (again.has(orgId));
  }

  return {
    /** Assign what can be assigned now. Resolves when this organisation's queues are settled. */
    dispatch(orgId: string): Promise<void> {
      // A node shutting down starts nothing: what waits is routed by the next node to start or sweep.
      if (stopped) return Promise.resolve();
      const current = running.get(orgId);
      if (current) {
        again.add(orgId);
        return current;
      }
      const p = run(orgId)
        .catch((err: unknown) => log.error({ msg: 'dispatch failed', orgId, err }))
        .finally(() => running.delete(orgId));
      running.set(orgId, p);
      return p;
    },
    /** Shutdown: no new dispatch starts on this node; `idle` then waits for those running. */
    stop(): void {
      stopped = true;
    },
    /** Resolves when no dispatch is running on this node (tests, shutdown). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

export type RoutingEngine = ReturnType<typeof createRoutingEngine>;
