import type { FactSet } from './facts.js';
import { AGENT_A as A, AGENT_B as B, conversation, participant, session } from './test-builders.js';

/**
 * One hour of one queue, computed by hand. Times are seconds after 09:00; "wait" runs from queue
 * entry. Every expected value below is written as the arithmetic it comes from.
 */
export const HOUR: FactSet = {
  conversations: [
    // arrived 0, queued 5, answered 15 (wait 10), first reply 25 after arrival
    conversation(
      'c1',
      { queued: 5, answered: 15, replied: 25 },
      { answeredBy: A, csatScore: 5, sentiment: 'positive' },
    ),
    // wait 25, reply 70
    conversation('c2', { answered: 25, replied: 70 }, { answeredBy: A, csatScore: 4, sentiment: 'neutral' }),
    // wait 50, reply 55
    conversation('c3', { answered: 50, replied: 55 }, { answeredBy: B, csatScore: 2, sentiment: 'negative' }),
    // wait 130, no reply yet
    conversation('c4', { answered: 130 }, { answeredBy: B, sentiment: 'very-negative' }),
    conversation('c5', { ended: 3 }), // abandoned after 3 s: short
    conversation('c6', { ended: 40 }), // abandoned after 40 s
    conversation('c7', {}), // still waiting: offered, neither answered nor abandoned
    conversation('c8', { queued: null, ended: 1 }), // ended by overflow, never queued: not offered
  ],
  sessions: [
    session('s1', 'c1', A, { offered: 5, answered: 15 }, 'accepted'), // accept 10
    session('s2', 'c2', B, { offered: 5, answered: 12 }, 'rejected'), // reject 7
    session('s3', 'c2', A, { offered: 12, answered: 25 }, 'accepted', true), // accept 13, transferred
    session('s4', 'c2', B, { offered: 100, answered: 104 }, 'accepted'), // accept 4
    session('s5', 'c3', A, { offered: 0, answered: 30 }, 'timed-out'),
    session('s6', 'c3', B, { offered: 30, answered: 50 }, 'accepted'), // accept 20
    session('s7', 'c4', B, { offered: 120, answered: 130 }, 'accepted'), // accept 10
    session('s8', 'c5', A, { offered: 1 }, 'withdrawn'),
  ],
  participants: [
    participant('c1', A, 'primary', 300, 60),
    participant('c2', A, 'primary', 120, null), // handed on: the wrap-up is B's
    participant('c2', B, 'primary', 240, 30),
    participant('c2', A, 'consult', 100, null), // consultants never count in handle time
    participant('c3', B, 'primary', 200, 20),
    participant('c4', B, 'primary', 140, 10),
    participant('c3', A, 'monitor', 50, null),
  ],
};
