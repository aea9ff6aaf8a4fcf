import type { PrechatAnswers, Workstream } from '@switchboard/protocol';
import { capacityNeedFor } from '../domain/routing/capacity.js';
import { routeIntake } from '../domain/routing/intake.js';
import { isOpen } from '../domain/routing/operating-hours.js';
import type { IntakeDecision, RoutingContext } from '../domain/routing/types.js';
import { customerFacts } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { loadRoutingConfig } from '../store/routing-config.js';
import { queueStats } from '../store/routing-snapshot.js';

export type IntakeInput = {
  orgId: string;
  conversationId: string;
  workstream: Workstream;
  /** Who writes: routing reads their contact's facts (a new contact's, if there is none yet). */
  customer: { name: string; email: string };
  /** The contact's and account's facts when the caller identified them already (by number: CH5). */
  facts?: { contact: Record<string, string | null>; account: Record<string, string | null> };
  prechat: PrechatAnswers | Record<string, never>;
  context: Record<string, string | number | boolean>;
  channel: Record<string, string>;
  now: Date;
};

/**
 * Classification, route-to-queue and the pre-queue overflow check for a new conversation,
 * with the columns they set on it. The configuration is read fresh: a change saved a moment
 * ago already applies (RT6).
 */
export async function planIntake(db: Db, input: IntakeInput) {
  const [config, stats, facts] = await Promise.all([
    loadRoutingConfig(db, input.orgId),
    queueStats(db, input.orgId, input.now),
    input.facts ?? customerFacts(db, input.orgId, input.customer),
  ]);
  // The widget's own survey answers reach routing as context variables (CH1), not as pre-chat fields.
  const { answers: _answers, ...prechat } = input.prechat as PrechatAnswers;
  const context: RoutingContext = { context: input.context, prechat, channel: input.channel, ...facts };
  const decision: IntakeDecision = routeIntake(
    { conversationId: input.conversationId, workstream: input.workstream, context, now: input.now, stats },
    config,
  );
  const outputs: {
    priority?: number;
    severity?: string;
    skills?: { skillId: string; proficiency: number }[];
    capacityProfileId?: string;
  } = decision.outputs;
  const need = capacityNeedFor(input.workstream, decision.outputs);
  const queue = decision.queueId ? config.queues.get(decision.queueId) : undefined;
  const hours = queue?.operatingHoursId ? config.operatingHours.get(queue.operatingHoursId) : null;
  return {
    decision,
    /** The queue it waits in is outside its operating hours now (assign-anyway, or a transfer into it). */
    queueClosed: queue !== undefined && !isOpen(hours, input.now),
    columns: {
      queueId: decision.queueId,
      priority: outputs.priority ?? 100,
      severity: outputs.severity ?? null,
      skills: outputs.skills ?? [],
      capacityUnits: need.kind === 'units' ? need.units : 0,
      capacityProfileIds: need.kind === 'profiles' ? [...need.profileIds] : [],
      queuePriority: queue?.priority ?? 100,
    },
  };
}
