import { describe, expect, it } from 'vitest';
import { chooseQueue, RouteRules, type RouteRule } from './route-rules.js';

const SALES = '00000000-0000-4000-8000-000000000001';
const VIP = '00000000-0000-4000-8000-000000000002';
const SUPPORT = '00000000-0000-4000-8000-000000000003';
const rules: RouteRule[] = [
  { name: 'vip', queueId: VIP, conditions: [{ field: 'context.tier', operator: 'equals', value: 'gold' }] },
  { name: 'sales', queueId: SALES, conditions: [{ field: 'prechat.question', operator: 'contains', value: ['price', 'buy'] }] },
];

describe('route-to-queue rules', () => {
  it('takes the first matching rule', () => {
    expect(chooseQueue(rules, { prechat: { question: 'What is the PRICE?' }, context: { tier: 'gold' } }, SUPPORT)).toEqual({ queueId: VIP, matchedRule: 'vip' });
    expect(chooseQueue(rules, { prechat: { question: 'I want to buy one' }, context: {} }, SUPPORT)).toEqual({ queueId: SALES, matchedRule: 'sales' });
  });
  it('falls back when nothing matches or a field is missing', () => {
    expect(chooseQueue(rules, { prechat: { question: 'My printer broke' }, context: {} }, SUPPORT)).toEqual({ queueId: SUPPORT, matchedRule: null });
    expect(chooseQueue(rules, { prechat: {}, context: {} }, SUPPORT).queueId).toBe(SUPPORT);
  });
  it('rejects malformed rules', () => {
    expect(RouteRules.safeParse([{ name: 'x', queueId: SALES, conditions: [{ field: 'body', operator: 'equals', value: 'a' }] }]).success).toBe(false);
  });
});
