import { describe, expect, it } from 'vitest';
import { agentReopenRefusal, type AgentReopenFacts } from './agent-reopen.js';

const closedSms: AgentReopenFacts = {
  state: 'closed',
  asynchronous: true,
  agentId: 'ann',
  queueId: 'q1',
  callback: false,
  me: 'ann',
};

describe('an agent reopens a closed conversation from the dashboard (AG10)', () => {
  it.each([
    ['a closed SMS conversation of mine', {}, null],
    ['one still in wrap-up', { state: 'wrap-up' }, ['conflict', 'only a closed conversation']],
    ['an active one', { state: 'active' }, ['conflict', 'only a closed conversation']],
    ["another agent's", { agentId: 'ben' }, ['forbidden', 'only the agent who handled']],
    ['one nobody handled', { agentId: null }, ['forbidden', 'only the agent who handled']],
    ['a live chat', { asynchronous: false }, ['conflict', 'the customer has left it']],
    ['a callback work item', { callback: true, asynchronous: false }, ['conflict', 'a callback has no chat']],
    ['one without a queue', { queueId: null }, ['conflict', 'never reached a queue']],
    ["another agent's live chat: who asks comes first", { agentId: 'ben', asynchronous: false }, ['forbidden', '']],
  ] as const)('%s', (_name, change, expected) => {
    const refusal = agentReopenRefusal({ ...closedSms, ...change });
    if (expected === null) expect(refusal).toBeNull();
    else {
      expect(refusal?.kind).toBe(expected[0]);
      expect(refusal?.message).toMatch(/^Cannot reopen this conversation: /);
      expect(refusal?.message).toContain(expected[1]);
    }
  });
});
