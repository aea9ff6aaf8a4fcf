import type { AgentConsidered, TraceStep } from '@switchboard/protocol';

// A decision in a queue of hundreds of agents lists every one of them (RT5): written as
// is, that is ~30 kB per assignment, and writing it was most of an assignment's cost. Stored,
// an assignment step lists agent ids once, reason texts once per distinct text (most repeat:
// "capacity 0 left", "tied with the agent above"), and no names: names are read back from the
// agents when the trace is read.

type AssignmentStep = Extract<TraceStep, { step: 'assignment' }>;

/** An assignment step as stored: `agents[i]` has reason `reasons[why[i]]`; the first `ranked` have ranks 1..ranked. */
export type CompactAssignmentStep = Omit<AssignmentStep, 'considered'> & {
  agents: string[];
  chosen: number[];
  ranked: number;
  reasons: string[];
  why: number[];
};

/** A trace step as stored: assignment steps compact, the others as they are. */
export type StoredTraceStep = Exclude<TraceStep, AssignmentStep> | AssignmentStep | CompactAssignmentStep;

const isCompact = (s: StoredTraceStep): s is CompactAssignmentStep => s.step === 'assignment' && 'agents' in s;

function compactAssignment(step: AssignmentStep): StoredTraceStep {
  const { considered, ...rest } = step;
  const ranked = considered.findIndex((c) => c.rank === null);
  const rankedCount = ranked === -1 ? considered.length : ranked;
  // Ranks are 1..n on the first n agents, as the engine writes them; anything else stays verbatim.
  if (considered.some((c, i) => c.rank !== (i < rankedCount ? i + 1 : null))) return step;
  const reasons: string[] = [];
  const index = new Map<string, number>();
  const why = considered.map((c) => {
    let k = index.get(c.reason);
    if (k === undefined) index.set(c.reason, (k = reasons.push(c.reason) - 1));
    return k;
  });
  const chosen = considered.flatMap((c, i) => (c.chosen ? [i] : []));
  return { ...rest, agents: considered.map((c) => c.agentId), chosen, ranked: rankedCount, reasons, why };
}

/** The steps of one decision as they are stored. */
export function compactSteps(steps: readonly TraceStep[]): StoredTraceStep[] {
  return steps.map((s) => (s.step === 'assignment' ? compactAssignment(s) : s));
}

/** Every agent id the stored steps mention, to look their names up. */
export function agentIdsIn(steps: readonly StoredTraceStep[]): string[] {
  return steps.flatMap((s) => (isCompact(s) ? s.agents : []));
}

/** The steps as read: `nameOf` gives an agent's name (an agent no longer there has none). */
export function expandSteps(steps: readonly StoredTraceStep[], nameOf: (agentId: string) => string): TraceStep[] {
  return steps.map((s): TraceStep => {
    // Traces written before ranks were recorded have none.
    if (s.step === 'assignment' && !isCompact(s))
      return { ...s, considered: s.considered.map((c) => ({ ...c, rank: c.rank ?? null })) };
    if (!isCompact(s)) return s;
    const { agents, chosen, ranked, reasons, why, ...rest } = s;
    const considered = agents.map((agentId, i): AgentConsidered => ({
      agentId,
      agentName: nameOf(agentId),
      chosen: chosen.includes(i),
      rank: i < ranked ? i + 1 : null,
      reason: reasons[why[i]!] ?? '',
    }));
    return { ...rest, considered };
  });
}
