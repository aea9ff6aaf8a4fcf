import { describe, expect, it } from 'vitest';
import { factsOf, type ClosedConversation } from './facts-of.js';

const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, s));
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const S = '00000000-0000-4000-8000-00000000000c';
const Q = '00000000-0000-4000-8000-0000000000aa';

const closed = (over: Partial<ClosedConversation>): ClosedConversation => ({
  id: 'c1',
  channel: 'webchat',
  queueId: Q,
  createdAt: at(0),
  endedAt: null,
  closedAt: at(600),
  sentimentLevel: null,
  offers: [],
  participants: [{ userId: null, role: 'customer', joinedAt: at(0), leftAt: at(500) }],
  firstAgentReplyAt: null,
  wrapUpAt: null,
  ...over,
});

describe('the facts of a closed conversation', () => {
  it('one agent: answered when they joined, handle time to the close with the wrap-up in it', () => {
    const facts = factsOf(
      closed({
        offers: [
          { id: 'o1', agentId: B, status: 'rejected', offeredAt: at(2), closedAt: at(5) },
          { id: 'o2', agentId: A, status: 'accepted', offeredAt: at(6), closedAt: at(12) },
        ],
        participants: [
          { userId: null, role: 'customer', joinedAt: at(0), leftAt: at(500) },
          { userId: A, role: 'primary', joinedAt: at(12), leftAt: null },
          { userId: S, role: 'monitor', joinedAt: at(100), leftAt: at(200) },
        ],
        firstAgentReplyAt: at(20),
        wrapUpAt: at(500),
        endedAt: at(500),
        sentimentLevel: 'negative',
      }),
    );
    expect(facts.conversations).toEqual([
      expect.objectContaining({
        queuedAt: at(0),
        answeredAt: at(12),
        answeredBy: A,
        endedAt: at(500),
        firstAgentReplyAt: at(20),
        sentiment: 'negative',
      }),
    ]);
    expect(facts.sessions.map((s) => [s.agentId, s.outcome, s.answeredAt, s.transferredOut])).toEqual([
      [B, 'rejected', at(5), false],
      [A, 'accepted', at(12), false],
    ]);
    expect(facts.participants.map((p) => [p.agentId, p.mode, p.handleMs, p.wrapUpMs])).toEqual([
      [A, 'primary', 588_000, 100_000],
      [S, 'monitor', 100_000, null],
    ]);
  });

  it("a transfer: the first accepted session handed it on; the wrap-up is the last agent's", () => {
    const facts = factsOf(
      closed({
        offers: [
          { id: 'o1', agentId: A, status: 'accepted', offeredAt: at(1), closedAt: at(3) },
          { id: 'o2', agentId: B, status: 'accepted', offeredAt: at(100), closedAt: at(110) },
        ],
        participants: [
          { userId: A, role: 'primary', joinedAt: at(3), leftAt: at(110) },
          { userId: A, role: 'consultant', joinedAt: at(110), leftAt: at(300) },
          { userId: B, role: 'primary', joinedAt: at(110), leftAt: null },
        ],
        wrapUpAt: at(540),
      }),
    );
    expect(facts.sessions.map((s) => s.transferredOut)).toEqual([true, false]);
    expect(facts.conversations[0]!.answeredBy).toBe(A);
    expect(facts.participants.map((p) => [p.agentId, p.mode, p.handleMs, p.wrapUpMs])).toEqual([
      [A, 'primary', 107_000, null],
      [A, 'consult', 190_000, null],
      [B, 'primary', 490_000, 60_000],
    ]);
  });

  it('abandoned in the queue: not answered, its end is the close, offers overtaken are withdrawn', () => {
    const facts = factsOf(
      closed({ offers: [{ id: 'o1', agentId: A, status: 'pending', offeredAt: at(30), closedAt: null }] }),
    );
    expect(facts.conversations[0]).toMatchObject({ answeredAt: null, answeredBy: null, endedAt: at(600) });
    expect(facts.sessions[0]).toMatchObject({ outcome: 'withdrawn', answeredAt: null });
    expect(facts.participants).toEqual([]);
  });

  it('never reached a queue: not queued, so not offered', () => {
    expect(factsOf(closed({ queueId: null })).conversations[0]!.queuedAt).toBeNull();
  });
});

describe('the post-chat rating (CH1)', () => {
  it("is the conversation fact's CSAT score; none given is null", () => {
    expect(factsOf(closed({ csatScore: 4 })).conversations[0]!.csatScore).toBe(4);
    expect(factsOf(closed({})).conversations[0]!.csatScore).toBeNull();
  });
});
