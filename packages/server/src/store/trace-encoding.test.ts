import { describe, expect, it } from 'vitest';
import type { AgentConsidered, TraceStep } from '@switchboard/protocol';
import { agentIdsIn, compactSteps, expandSteps } from './trace-encoding.js';

const names: Record<string, string> = { a: 'Ann', b: 'Bob', c: 'Cas', d: 'Dee' };
const nameOf = (id: string) => names[id] ?? '(removed agent)';
const agent = (agentId: string, rank: number | null, reason: string, chosen = false): AgentConsidered => ({
  agentId,
  agentName: names[agentId]!,
  chosen,
  rank,
  reason,
});

const assignment = (considered: AgentConsidered[]): Extract<TraceStep, { step: 'assignment' }> => ({
  step: 'assignment',
  queueId: 'q',
  strategy: 'highest-capacity',
  agentId: 'a',
  considered,
  outcome: 'offered',
});

describe('stored routing traces', () => {
  const decision: TraceStep[] = [
    { step: 'classification', ruleset: 'Language', matchedRule: 'French', outputs: { priority: 2 } },
    assignment([
      agent('a', 1, 'ranked first: capacity left 3', true),
      agent('b', 2, 'tied with the agent above; the agent id decides'),
      agent('c', 3, 'tied with the agent above; the agent id decides'),
      agent('d', null, 'capacity 0 left, 1 needed'),
    ]),
  ];

  it('reads back exactly what was decided, names included', () => {
    expect(expandSteps(compactSteps(decision), nameOf)).toEqual(decision);
  });

  it('stores each agent id once and each distinct reason once, without names', () => {
    const [, stored] = compactSteps(decision);
    expect(stored).toMatchObject({ agents: ['a', 'b', 'c', 'd'], chosen: [0], ranked: 3, why: [0, 1, 1, 2] });
    expect(JSON.stringify(stored)).not.toContain('Ann');
    expect(JSON.stringify(stored).match(/tied with/g)).toHaveLength(1);
    expect(agentIdsIn(compactSteps(decision))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('is a fraction of the plain size for a queue of many agents', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      agentId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      agentName: `Agent ${i}`,
      chosen: i === 0,
      rank: i < 80 ? i + 1 : null,
      reason:
        i === 0
          ? 'ranked first: capacity left 1'
          : i < 80
            ? 'tied with the agent above; the agent id decides'
            : 'capacity 0 left, 1 needed',
    }));
    const plain = JSON.stringify([assignment(many)]).length;
    expect(JSON.stringify(compactSteps([assignment(many)])).length).toBeLessThan(plain / 3);
  });

  it('names an agent who is no longer there, and keeps a claim that was lost', () => {
    const lost: TraceStep = {
      ...assignment([agent('a', 1, 'ranked first', true)]),
      agentId: null,
      outcome: 'claim-lost',
    };
    expect(expandSteps(compactSteps([lost]), () => '(removed agent)')).toEqual([
      { ...lost, considered: [{ ...agent('a', 1, 'ranked first', true), agentName: '(removed agent)' }] },
    ]);
  });

  it('keeps a step verbatim when its ranks are not 1..n on the first agents', () => {
    const odd = assignment([agent('a', null, 'skipped'), agent('b', 1, 'ranked first', true)]);
    expect(compactSteps([odd])).toEqual([odd]);
    expect(expandSteps(compactSteps([odd]), nameOf)).toEqual([odd]);
  });

  it('reads traces stored before compaction as they are, without ranks where none were recorded', () => {
    expect(expandSteps(decision, () => 'not used')).toEqual(decision);
    const { rank: _, ...unranked } = agent('a', 1, 'ranked first', true);
    const old = { ...assignment([]), considered: [unranked] } as unknown as TraceStep;
    expect(expandSteps([old], () => 'not used')).toEqual([assignment([{ ...unranked, rank: null }])]);
  });
});
