import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SENTIMENT_LEVELS,
  type ConversationFact,
  type FactSet,
  type ParticipantFact,
  type SessionFact,
} from './facts.js';
import { HOUR } from './hand-computed-hour.js';
import { averageHandleTime, rejectionRate } from './kpis.js';
import { addMeasures, emptyMeasures, foldFacts, hourOf, mergeRollups, type Rollup } from './rollup.js';
import { AGENT_A, AGENT_B, QUEUE, T0, conversation, session } from './test-builders.js';

const cellOf = (rollups: Rollup[], queueId: string | null, agentId: string | null) =>
  rollups.find((r) => r.key.queueId === queueId && r.key.agentId === agentId)!.measures;

describe('rollups (SV9)', () => {
  it('puts each measure in its own agent cell of the hour', () => {
    const cells = foldFacts(HOUR);
    expect(cells).toHaveLength(4);
    const a = cellOf(cells, QUEUE, AGENT_A);
    // A answered c1 and c2; was offered s1, s3, s5, s8; handled c1 (300 s) and c2 (120 s), the consult left out
    expect([a.answered, a.sessionsOffered, a.sessionsAccepted, a.sessionsTimedOut]).toEqual([2, 4, 2, 1]);
    expect(averageHandleTime(a)).toBe((300 + 120) / 2);
    const b = cellOf(cells, QUEUE, AGENT_B);
    // B rejected s2 of s2, s4, s6, s7
    expect(rejectionRate(b)).toBe(1 / 4);
    // the unanswered c5..c7 sit with nobody in the queue; c8 never reached one
    expect(cellOf(cells, QUEUE, null).conversationsIn).toBe(3);
    expect(cellOf(cells, null, null).conversationsIn).toBe(1);
  });

  it('places every fact in the hour its conversation arrived', () => {
    const late = session('s', 'c', AGENT_A, { offered: 3 * 3600, answered: 3 * 3600 + 5 }, 'accepted');
    const [cell] = foldFacts({ conversations: [], sessions: [late], participants: [] });
    expect(cell!.key).toEqual({
      hour: '2026-03-02T09:00:00.000Z',
      queueId: QUEUE,
      channel: 'webchat',
      agentId: AGENT_A,
    });
  });

  it('starts the hour on the hour, in UTC', () => {
    expect(hourOf(new Date('2026-03-02T09:59:59.999Z'))).toBe('2026-03-02T09:00:00.000Z');
    expect(hourOf(new Date('2026-03-02T10:00:00.000Z'))).toBe('2026-03-02T10:00:00.000Z');
  });

  it('never lets a clock disagreement make a wait negative', () => {
    // answered a moment before the queue entry it follows: another node's clock
    const [cell] = foldFacts({
      conversations: [conversation('c', { queued: 2, answered: 1.999 })],
      sessions: [],
      participants: [],
    });
    expect(cell!.measures.answerWaitMs).toBe(0);
  });
});

// Facts over three hours, two queues, two channels and two agents, with any outcome.
const seconds = fc.integer({ min: 0, max: 3 * 3600 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const queueId = fc.constantFrom(QUEUE, '00000000-0000-4000-8000-00000000000b', null);
const agentId = fc.constantFrom(AGENT_A, AGENT_B);
const channel = fc.constantFrom('webchat' as const, 'sms' as const);
const when = (s: number) => new Date(T0.getTime() + s * 1000);

const conversationFact: fc.Arbitrary<ConversationFact> = fc
  .record({
    arrived: seconds,
    queued: maybe(fc.integer({ min: 0, max: 60 })),
    answered: maybe(fc.integer({ min: 0, max: 300 })),
    ended: maybe(fc.integer({ min: 0, max: 300 })),
    replied: maybe(fc.integer({ min: 0, max: 300 })),
    queueId,
    channel,
    agentId,
    csat: maybe(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const)),
    sentiment: maybe(fc.constantFrom(...SENTIMENT_LEVELS)),
  })
  .map((r) => ({
    conversationId: 'c',
    channel: r.channel,
    arrivedAt: when(r.arrived),
    queueId: r.queued === null ? null : r.queueId,
    queuedAt: r.queued === null ? null : when(r.arrived + r.queued),
    answeredAt: r.answered === null ? null : when(r.arrived + r.answered),
    answeredBy: r.answered === null ? null : r.agentId,
    endedAt: r.ended === null ? null : when(r.arrived + r.ended),
    firstAgentReplyAt: r.replied === null ? null : when(r.arrived + r.replied),
    csatScore: r.csat,
    sentiment: r.sentiment,
  }));

const sessionFact: fc.Arbitrary<SessionFact> = fc
  .record({ arrived: seconds, answered: maybe(fc.integer({ min: 0, max: 120 })), queueId, channel, agentId })
  .chain((r) =>
    fc.record({
      sessionId: fc.constant('s'),
      conversationId: fc.constant('c'),
      channel: fc.constant(r.channel),
      arrivedAt: fc.constant(when(r.arrived)),
      queueId: fc.constant(r.queueId),
      agentId: fc.constant(r.agentId),
      offeredAt: fc.constant(when(r.arrived)),
      outcome: fc.constantFrom('accepted' as const, 'rejected' as const, 'timed-out' as const, 'withdrawn' as const),
      answeredAt: fc.constant(r.answered === null ? null : when(r.arrived + r.answered)),
      transferredOut: fc.boolean(),
    }),
  );

const participantFact: fc.Arbitrary<ParticipantFact> = fc.record({
  conversationId: fc.constant('c'),
  channel,
  arrivedAt: seconds.map(when),
  queueId,
  agentId,
  mode: fc.constantFrom('primary' as const, 'consult' as const, 'monitor' as const),
  handleMs: fc.integer({ min: 0, max: 3_600_000 }),
  wrapUpMs: maybe(fc.integer({ min: 0, max: 600_000 })),
});

const factSet: fc.Arbitrary<FactSet> = fc.record({
  conversations: fc.array(conversationFact, { maxLength: 30 }),
  sessions: fc.array(sessionFact, { maxLength: 30 }),
  participants: fc.array(participantFact, { maxLength: 30 }),
});

/** A fact set cut in two at the given fractions of each list. */
function split(f: FactSet, [x, y, z]: [number, number, number]): [FactSet, FactSet] {
  const at = <T>(list: readonly T[], cut: number) => Math.floor(list.length * cut);
  const c = at(f.conversations, x);
  const s = at(f.sessions, y);
  const p = at(f.participants, z);
  return [
    {
      conversations: f.conversations.slice(0, c),
      sessions: f.sessions.slice(0, s),
      participants: f.participants.slice(0, p),
    },
    { conversations: f.conversations.slice(c), sessions: f.sessions.slice(s), participants: f.participants.slice(p) },
  ];
}

const cut = fc.double({ min: 0, max: 1, noNaN: true });

describe('rollups add up (properties)', () => {
  it('the rollups of two halves of a fact set, added, equal the rollup of the whole', () => {
    fc.assert(
      fc.property(factSet, fc.tuple(cut, cut, cut), (facts, cuts) => {
        const [first, second] = split(facts, cuts);
        expect(mergeRollups(foldFacts(first), foldFacts(second))).toEqual(foldFacts(facts));
      }),
    );
  });

  it('adding measures is commutative and associative, with empty as zero', () => {
    const one = factSet.map((f) => foldFacts(f).reduce((m, r) => addMeasures(m, r.measures), emptyMeasures()));
    fc.assert(
      fc.property(one, one, one, (a, b, c) => {
        expect(addMeasures(a, b)).toEqual(addMeasures(b, a));
        expect(addMeasures(addMeasures(a, b), c)).toEqual(addMeasures(a, addMeasures(b, c)));
        expect(addMeasures(a, emptyMeasures())).toEqual(a);
      }),
    );
  });

  it('folding each hour on its own, as the model does when the hour closes, equals one fold of all', () => {
    fc.assert(
      fc.property(factSet, (facts) => {
        const hours = new Set(
          [...facts.conversations, ...facts.sessions, ...facts.participants].map((f) => hourOf(f.arrivedAt)),
        );
        const inHour =
          (h: string) =>
          <T extends { arrivedAt: Date }>(list: readonly T[]) =>
            list.filter((f) => hourOf(f.arrivedAt) === h);
        const perHour = [...hours].map((h) => {
          const keep = inHour(h);
          return foldFacts({
            conversations: keep(facts.conversations),
            sessions: keep(facts.sessions),
            participants: keep(facts.participants),
          });
        });
        expect(mergeRollups(...perHour)).toEqual(foldFacts(facts));
      }),
    );
  });
});
