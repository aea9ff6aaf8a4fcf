import { describe, expect, it } from 'vitest';
import type { SkillRequirement } from '@switchboard/protocol';
import { compareCloseness, skillFit, skillsAllow } from './skills.js';
import type { SkillFit } from './types.js';

const needs = (...pairs: [string, number][]): SkillRequirement[] =>
  pairs.map(([skillId, proficiency]) => ({ skillId, proficiency }));
const has = (skills: Record<string, number>) => ({ skills });

describe('skillFit (RT4)', () => {
  it.each<[string, Record<string, number>, SkillRequirement[], SkillFit, number]>([
    ['nothing required', { french: 3 }, [], 'none-required', 0],
    ['exactly the required proficiency', { french: 4 }, needs(['french', 4]), 'exact', 0],
    [
      'every skill exact, extra skills ignored',
      { french: 4, billing: 7, german: 9 },
      needs(['french', 4], ['billing', 7]),
      'exact',
      0,
    ],
    ['above on one skill', { french: 5 }, needs(['french', 4]), 'over', 1],
    ['above on two skills', { french: 6, billing: 9 }, needs(['french', 4], ['billing', 7]), 'over', 4],
    ['below on one skill', { french: 3 }, needs(['french', 4]), 'under', 1],
    ['above on one and below on another', { french: 9, billing: 6 }, needs(['french', 4], ['billing', 7]), 'under', 6],
    ['missing a skill', { billing: 7 }, needs(['french', 4], ['billing', 7]), 'under', 4],
    ['none of the skills', {}, needs(['french', 4], ['billing', 7]), 'under', 11],
  ])('%s', (_name, skills, requirements, fit, distance) => {
    expect(skillFit(has(skills), requirements)).toMatchObject({ fit, distance });
  });

  it('names the first shortfall for the trace', () => {
    expect(skillFit(has({}), needs(['french', 7])).shortfall).toBe('missing skill french (needs 7)');
    expect(skillFit(has({ french: 5 }), needs(['french', 7])).shortfall).toBe('skill french at 5, needs 7');
    expect(skillFit(has({ french: 8 }), needs(['french', 7])).shortfall).toBeNull();
  });

  it('exact match keeps only agents meeting every requirement; closest and none keep all', () => {
    const under = skillFit(has({ french: 3 }), needs(['french', 4]));
    const over = skillFit(has({ french: 5 }), needs(['french', 4]));
    expect([skillsAllow('exact', under), skillsAllow('exact', over)]).toEqual([false, true]);
    expect([skillsAllow('closest', under), skillsAllow('none', under)]).toEqual([true, true]);
  });

  it('closest match ranks exact, then over-qualified, then under-qualified, nearer first (4 needed: 4, 5, 6, 3, none)', () => {
    const requirement = needs(['french', 4]);
    const agents = { none: {}, three: { french: 3 }, six: { french: 6 }, four: { french: 4 }, five: { french: 5 } };
    const ranked = Object.entries(agents)
      .map(([name, skills]) => {
        const m = skillFit(has(skills), requirement);
        return { name, skillFit: m.fit, skillDistance: m.distance };
      })
      .sort(compareCloseness)
      .map((a) => a.name);
    expect(ranked).toEqual(['four', 'five', 'six', 'three', 'none']);
  });
});
