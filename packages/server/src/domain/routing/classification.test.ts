import { describe, expect, it } from 'vitest';
import type { Condition, Ruleset } from '@switchboard/protocol';
import { classify, mergeSkills } from './classification.js';
import { routingContext } from './test-builders.js';

const eq = (field: string, value: string | number): Condition => ({
  kind: 'compare',
  field,
  operator: 'equals',
  value,
});

const language: Ruleset = {
  name: 'Language',
  rules: [
    {
      name: 'French speakers',
      when: eq('channel.locale', 'fr-FR'),
      set: { skills: [{ skillId: 'french', proficiency: 6 }] },
    },
    { name: 'Everyone', when: { kind: 'always' }, set: { skills: [{ skillId: 'english', proficiency: 5 }] } },
  ],
};
const urgency: Ruleset = {
  name: 'Urgency',
  rules: [
    // Reads the previous ruleset's output.
    {
      name: 'French is urgent',
      when: { kind: 'compare', field: 'output.skills', operator: 'contains', value: 'french' },
      set: { priority: 10, severity: 'high' },
    },
    { name: 'Gold', when: eq('context.tier', 'gold'), set: { priority: 20 } },
  ],
};
const product: Ruleset = {
  name: 'Product',
  rules: [
    {
      name: 'Surface',
      when: eq('context.product', 'surface'),
      set: {
        skills: [
          { skillId: 'french', proficiency: 8 },
          { skillId: 'surface', proficiency: 4 },
        ],
        priority: 5,
      },
    },
  ],
};

describe('classify (RT2)', () => {
  it('takes the first matching rule of a ruleset, not a later one', () => {
    const { outputs } = classify([language], routingContext({ channel: { locale: 'fr-FR' } }));
    expect(outputs.skills).toEqual([{ skillId: 'french', proficiency: 6 }]);
  });

  it('lets later rulesets read earlier outputs', () => {
    const { outputs } = classify(
      [language, urgency],
      routingContext({ channel: { locale: 'fr-FR' }, context: { tier: 'gold' } }),
    );
    expect(outputs.priority).toBe(10);
    expect(outputs.severity).toBe('high');
  });

  it('merges skills by id keeping the higher proficiency, and overwrites scalars', () => {
    const ctx = routingContext({ channel: { locale: 'fr-FR' }, context: { product: 'Surface' } });
    const { outputs } = classify([language, urgency, product], ctx);
    expect(outputs.skills).toEqual([
      { skillId: 'french', proficiency: 8 },
      { skillId: 'surface', proficiency: 4 },
    ]);
    expect(outputs.priority).toBe(5);
    expect(outputs.severity).toBe('high');
  });

  it('keeps the higher proficiency whichever ruleset named it first', () => {
    expect(mergeSkills([{ skillId: 'a', proficiency: 9 }], [{ skillId: 'a', proficiency: 3 }])).toEqual([
      { skillId: 'a', proficiency: 9 },
    ]);
  });

  it('appends to skills already held, as on a re-route', () => {
    const { outputs } = classify([language], routingContext(), { skills: [{ skillId: 'billing', proficiency: 3 }] });
    expect(outputs.skills).toEqual([
      { skillId: 'billing', proficiency: 3 },
      { skillId: 'english', proficiency: 5 },
    ]);
  });

  it('writes one trace step per ruleset with the rule that matched, or null', () => {
    const { trace } = classify([language, urgency, product], routingContext());
    expect(trace).toEqual([
      {
        step: 'classification',
        ruleset: 'Language',
        matchedRule: 'Everyone',
        outputs: { skills: [{ skillId: 'english', proficiency: 5 }] },
      },
      { step: 'classification', ruleset: 'Urgency', matchedRule: null, outputs: {} },
      { step: 'classification', ruleset: 'Product', matchedRule: null, outputs: {} },
    ]);
  });
});
