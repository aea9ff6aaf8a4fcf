import type { AssignOptions, AssignRequest, TraceStep } from '@switchboard/protocol';
import { conflict, notFound } from '../domain/errors.js';
import { describeOverride } from '../domain/supervision/override.js';
import { refusalError } from '../domain/supervision/switches.js';
import { assignAgentAnswer, assignQueueRefusal } from '../domain/supervision/targets.js';
import type { RoutingConfig } from '../domain/routing/types.js';
import { getConversation, updateConversation, type ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { loadTemplates } from '../store/notifications.js';
import { claimConversations } from '../store/routing.js';
import { loadRoutingConfig } from '../store/routing-config.js';
import { loadAgents, loadOpenItems } from '../store/routing-snapshot.js';
import { recordTrace } from '../store/traces.js';
import type { ConversationKit } from './conversation-kit.js';
import type { StaffIdentity } from './identity.js';
import { announce, autoAccepted, claimFor } from './offer-claims.js';
import { supervisorCheck } from './supervisor-check.js';

type Deps = ConversationKit & { defaultOfferTimeoutSeconds: number };

/**
 * A supervisor assigns an open conversation nobody holds (SV4): to a person, offered to them with
 * routing's own claim and notification (an override is a flag on that write, and the trace says
 * what it overrode), or to another queue, where routing takes it up.
 */
export function createSupervisorAssign(deps: Deps) {
  const { db, clock, presence, onRoutable, command, lockOrThrow } = deps;

  const allowed = (tx: Db, who: StaffIdentity, c: ConversationRow) =>
    supervisorCheck(tx, who, c, 'assign', { part: c.agentId === who.userId ? 'primary' : null });

  const rulesFor = (c: ConversationRow, config: RoutingConfig) => ({
    allowedPresences: config.workstreams.get(c.workstreamId)?.allowedPresences ?? [],
    need: c.capacityProfileIds.length
      ? { kind: 'profiles' as const, profileIds: c.capacityProfileIds }
      : { kind: 'units' as const, units: c.capacityUnits },
    profiles: config.capacityProfiles,
    sessionLimit: config.sessionLimit,
  });

  async function readable(who: StaffIdentity, id: string) {
    const c = await getConversation(db, who.orgId, id);
    if (!c) throw notFound('conversation');
    await allowed(db, who, c);
    return c;
  }

  async function toAgent(who: StaffIdentity, c: ConversationRow, agentId: string, override: boolean) {
    const now = clock.now();
    const [config, agents, templates] = await Promise.all([
      loadRoutingConfig(db, who.orgId),
      loadAgents(db, who.orgId, now),
      loadTemplates(db, who.orgId),
    ]);
    const agent = agents.find((a) => a.id === agentId);
    if (!agent) throw notFound('agent');
    const answer = assignAgentAnswer({ agent, bot: false }, { ...rulesFor(c, config), override });
    if (answer.refusal) throw refusalError(answer.refusal);
    const [item] = await loadOpenItems(db, who.orgId, {
      queueIds: c.queueId ? [c.queueId] : [],
      workstreamIds: [c.workstreamId],
      affinityWorkstreamIds: new Set(),
      limit: 1,
      ids: [c.id],
    });
    if (!item) throw conflict('this conversation is no longer waiting in its queue');
    const overridden = answer.override ? describeOverride(agent.name, answer.override) : null;
    const reason = `assigned by ${who.name}${overridden ? `, overriding: ${overridden}` : ''}`;
    const step: TraceStep = {
      step: 'assignment',
      queueId: item.queueId,
      strategy: 'assigned by a supervisor',
      agentId,
      considered: [{ agentId, agentName: agent.name, chosen: true, rank: 1, reason }],
      outcome: 'offered',
    };
    const claim = claimFor({
      orgId: who.orgId,
      item,
      agentId,
      agentName: agent.name,
      trace: [step],
      config,
      now,
      templates,
      escalated: false,
      defaultOfferTimeoutSeconds: deps.defaultOfferTimeoutSeconds,
      override: answer.override !== null,
    });
    await command(async (tx, log) => {
      const [claimed] = await claimConversations(tx, [claim]);
      if (!claimed)
        throw conflict(`${agent.name} could not be given it: it was taken meanwhile, or their room changed`);
      announce(log, who.orgId, item, claimed, claim, config, now);
      if (claim.autoAccepted) await autoAccepted(tx, log, claim, agent.name, now);
      if (claimed.recomputePresence || claim.autoAccepted) await presence.recompute(tx, log, who.orgId, agentId);
    });
  }

  async function toQueue(who: StaffIdentity, id: string, queueId: string) {
    await command(async (tx, log) => {
      const c = await lockOrThrow(tx, who.orgId, id);
      await allowed(tx, who, c);
      const config = await loadRoutingConfig(tx, who.orgId);
      const target = config.queues.get(queueId);
      if (!target) throw notFound('queue');
      const refusal = assignQueueRefusal(c.queueId, queueId);
      if (refusal) throw refusalError(refusal);
      const now = clock.now();
      await updateConversation(tx, c.orgId, c.id, { queueId, queuePriority: target.priority, updatedAt: now });
      const from = c.queueId ? config.queues.get(c.queueId)?.name : undefined;
      const reason = `moved by ${who.name}, a supervisor${from ? `, from ${from}` : ''}`;
      await recordTrace(tx, {
        orgId: c.orgId,
        conversationId: c.id,
        at: now,
        steps: [{ step: 'queue', queueId, queueName: target.name, matchedRule: null, reason, skipped: [] }],
      });
      log.add({ kind: 'queue-moved', orgId: c.orgId, conversationId: c.id });
    });
    onRoutable(who.orgId);
  }

  return {
    /** The people and queues an open conversation can go to, each agent with what it would override. */
    async options(who: StaffIdentity, id: string): Promise<AssignOptions> {
      const c = await readable(who, id);
      const now = clock.now();
      const [config, agents] = await Promise.all([loadRoutingConfig(db, who.orgId), loadAgents(db, who.orgId, now)]);
      const rules = rulesFor(c, config);
      const options = agents.map((agent) => {
        const answer = assignAgentAnswer({ agent, bot: false }, { ...rules, override: true });
        return {
          id: agent.id,
          name: agent.name,
          presence: agent.presence,
          fits: answer.refusal === null && answer.override === null,
          override: answer.override ? describeOverride(agent.name, answer.override) : null,
          refusal: answer.refusal?.message ?? null,
        };
      });
      const queues = [...config.queues.values()]
        .filter((q) => q.id !== c.queueId)
        .map((q) => ({ id: q.id, name: q.name }))
        .sort((a, b) => a.name.localeCompare(b.name));
      options.sort((a, b) => Number(b.fits) - Number(a.fits) || a.name.localeCompare(b.name));
      return { agents: options, queues };
    },

    async assign(who: StaffIdentity, id: string, body: AssignRequest): Promise<void> {
      if (body.kind === 'queue') return toQueue(who, id, body.queueId);
      const c = await readable(who, id);
      await toAgent(who, c, body.agentId, body.override === true);
    },
  };
}

export type SupervisorAssign = ReturnType<typeof createSupervisorAssign>;
