import { randomUUID } from 'node:crypto';
import type { Channel } from '@switchboard/protocol';
import type {
  ConversationFact,
  FactSet,
  ParticipantFact,
  SessionFact,
} from '../../packages/server/src/domain/insights/facts.js';
import { cellsOfAllGrains } from '../../packages/server/src/domain/insights/grains.js';
import { foldFacts } from '../../packages/server/src/domain/insights/rollup.js';
import type { Db } from '../../packages/server/src/store/db.js';
import { addToRollups } from '../../packages/server/src/store/insight-rollups.js';

/** A small deterministic generator (mulberry32), so two runs fold the same year. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Volume = { conversations: number; days: number; queues: string[]; agents: string[]; zone: string };

const CHANNELS: Channel[] = ['webchat', 'webchat', 'webchat', 'sms', 'custom'];
// Arrivals by hour of the day (UTC): a working day's curve, quiet at night.
const CURVE = [1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 13, 12, 13, 14, 13, 12, 10, 8, 6, 4, 3, 2, 1];
const CURVE_SUM = CURVE.reduce((a, b) => a + b, 0);

/**
 * A year of a contact center's closed conversations as facts, folded into rollups through the
 * domain's fold and the store's upsert (the projector's own path), a day at a time. Each agent
 * works two queues; 90 % of conversations are answered, 8 % of those handed on once.
 */
export async function foldVolume(db: Db, orgId: string, v: Volume, onDay?: (day: number) => void): Promise<number> {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const members = v.queues.map((_, q) =>
    v.agents.filter((_, a) => a % v.queues.length === q || (a + 1) % v.queues.length === q),
  );
  const start = Date.UTC(2025, 11, 1) - v.days * 86_400_000;
  const perDay = v.conversations / v.days;
  let made = 0;
  let week: FactSet[] = [];
  for (let day = 0; day < v.days; day++) {
    const facts: { conversations: ConversationFact[]; sessions: SessionFact[]; participants: ParticipantFact[] } = {
      conversations: [],
      sessions: [],
      participants: [],
    };
    const today =
      day === v.days - 1 ? v.conversations - made : Math.round(perDay * (day + 1)) - Math.round(perDay * day);
    for (let n = 0; n < today; n++) {
      let r = rnd() * CURVE_SUM;
      let hour = 0;
      while (r > CURVE[hour]!) r -= CURVE[hour++]!;
      const arrivedAt = new Date(start + day * 86_400_000 + hour * 3_600_000 + Math.floor(rnd() * 3_600_000));
      const q = Math.floor(rnd() * v.queues.length);
      const base = { conversationId: randomUUID(), channel: pick(CHANNELS), arrivedAt, queueId: v.queues[q]! };
      const answered = rnd() < 0.9;
      const waitMs = Math.floor(-Math.log(1 - rnd()) * 25_000);
      const agent = pick(members[q]!);
      const answeredAt = answered ? new Date(arrivedAt.getTime() + waitMs) : null;
      facts.conversations.push({
        ...base,
        queuedAt: arrivedAt,
        answeredAt,
        answeredBy: answered ? agent : null,
        endedAt: new Date(arrivedAt.getTime() + waitMs + 400_000),
        firstAgentReplyAt: answeredAt && new Date(answeredAt.getTime() + 15_000),
        csatScore: null,
        sentiment: pick(['negative', 'neutral', 'neutral', 'slightly-positive', 'positive'] as const),
      });
      if (!answered) continue;
      const handedOn = rnd() < 0.08;
      const second = handedOn ? pick(members[q]!) : null;
      const offeredAt = new Date(arrivedAt.getTime() + Math.max(0, waitMs - 5_000));
      facts.sessions.push({
        ...base,
        sessionId: randomUUID(),
        agentId: agent,
        offeredAt,
        outcome: 'accepted',
        answeredAt,
        transferredOut: handedOn,
      });
      const handleMs = Math.floor(120_000 + rnd() * 600_000);
      facts.participants.push({ ...base, agentId: agent, mode: 'primary', handleMs, wrapUpMs: second ? null : 45_000 });
      if (second) facts.participants.push({ ...base, agentId: second, mode: 'primary', handleMs, wrapUpMs: 45_000 });
    }
    made += today;
    week.push(facts);
    // A week per transaction: the projector's batches are smaller, but so is its traffic.
    if (week.length === 7 || day === v.days - 1) {
      const all = {
        conversations: week.flatMap((f) => f.conversations),
        sessions: week.flatMap((f) => f.sessions),
        participants: week.flatMap((f) => f.participants),
      };
      week = [];
      await db.transaction((tx) => addToRollups(tx, orgId, cellsOfAllGrains(foldFacts(all), v.zone)));
      onDay?.(day);
    }
  }
  return made;
}
