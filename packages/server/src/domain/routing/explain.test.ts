import { describe, expect, it } from 'vitest';
import { explainWaiting } from './explain.js';
import { agent, config, item, T0, workstream } from './test-builders.js';

const needsFrench = item({ id: 'c1', skills: [{ skillId: 'french', proficiency: 5 }] });

describe('why a waiting item is not offered, right now (RT5)', () => {
  it('gives every member of the queue their own reason, and ranks the eligible ones', () => {
    const agents = [
      agent({ id: 'away', presence: 'away', skills: { french: 9 } }),
      agent({ id: 'full', capacity: 1, usedCapacity: 1, skills: { french: 9 } }),
      agent({ id: 'english', skills: { english: 9 } }),
      agent({ id: 'free', skills: { french: 7 } }),
      agent({ id: 'elsewhere', queueIds: ['q2'], skills: { french: 9 } }),
    ];
    const { note, agents: shown } = explainWaiting(needsFrench, agents, config({}), T0);
    expect(note).toBeNull();
    const byId = Object.fromEntries(shown.map((a) => [a.agentId, a]));
    expect(Object.keys(byId).sort()).toEqual(['away', 'english', 'free', 'full']);
    expect(byId.away).toMatchObject({ eligible: false, rank: null, reason: 'presence away is not allowed' });
    expect(byId.full).toMatchObject({ eligible: false, rank: null });
    expect(byId.full!.reason).toMatch(/capacity|unit/);
    expect(byId.english).toMatchObject({ eligible: false, rank: null });
    expect(byId.english!.reason).not.toBe(byId.full!.reason);
    expect(byId.free).toMatchObject({ eligible: true, rank: 1 });
  });

  it('changes nothing in what it is given (nothing is charged)', () => {
    const agents = [agent({ id: 'free' })];
    const before = JSON.stringify(agents);
    explainWaiting(item({ id: 'c1' }), agents, config({}), T0);
    explainWaiting(item({ id: 'c1' }), agents, config({}), T0);
    expect(JSON.stringify(agents)).toBe(before);
  });

  it('in a pick workstream says so, and still says who could take it', () => {
    const cfg = config({ workstreams: [workstream({ distribution: 'pick' })] });
    const { note, agents: shown } = explainWaiting(
      item({ id: 'c1' }),
      [agent({ id: 'free' }), agent({ id: 'away', presence: 'away' })],
      cfg,
      T0,
    );
    expect(note).toMatch(/pick/);
    expect(shown).toEqual([
      { agentId: 'free', name: 'free', eligible: true, rank: null, reason: 'could take it' },
      { agentId: 'away', name: 'away', eligible: false, rank: null, reason: 'presence away is not allowed' },
    ]);
  });
});
