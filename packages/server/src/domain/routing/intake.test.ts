import { describe, expect, it } from 'vitest';
import type { Condition, OverflowRule, QueueConfig, RouteToQueueRule } from '@switchboard/protocol';
import { pickShare, routeIntake } from './intake.js';
import { config, hours, queue, routingContext, workstream } from './test-builders.js';
import type { QueueStats, RoutingConfig, RoutingContext } from './types.js';

const MONDAY_NOON = new Date('2026-03-02T11:00:00Z');
const SATURDAY_EVENING = new Date('2026-03-07T20:00:00Z');
const eq = (field: string, value: string): Condition => ({ kind: 'compare', field, operator: 'equals', value });
const rule = (name: string, when: Condition, ...queueIds: string[]): RouteToQueueRule => ({
  name,
  when,
  queues: queueIds.map((queueId) => ({ queueId, percentage: 100 / queueIds.length })),
});
const full: OverflowRule['when'] = { kind: 'queue-size', limit: 5 };

function setup(rules: RouteToQueueRule[], queues: QueueConfig[], extra: Partial<Parameters<typeof config>[0]> = {}) {
  const ws = workstream({ routeToQueue: rules });
  const cfg: RoutingConfig = config({ workstreams: [ws], queues: [queue({ id: 'fallback' }), ...queues], ...extra });
  return (
    ctx: RoutingContext,
    opts: { now?: Date; stats?: Record<string, QueueStats>; conversationId?: string } = {},
  ) =>
    routeIntake(
      {
        conversationId: opts.conversationId ?? 'conv-1',
        workstream: ws,
        context: ctx,
        now: opts.now ?? MONDAY_NOON,
        stats: new Map(Object.entries(opts.stats ?? {})),
      },
      cfg,
    );
}
const busy = (waiting: number): QueueStats => ({ waiting, estimatedWaitSeconds: null });

describe('routeIntake: route-to-queue (RT2)', () => {
  const route = setup(
    [
      rule('Gold customers', eq('context.tier', 'gold'), 'gold'),
      rule(
        'Billing questions',
        { kind: 'compare', field: 'prechat.question', operator: 'contains', value: 'invoice' },
        'billing',
      ),
    ],
    [queue({ id: 'gold' }), queue({ id: 'billing' })],
  );

  it('routes on a context variable set by the page', () => {
    const d = route(routingContext({ context: { tier: 'Gold' } }));
    expect(d.queueId).toBe('gold');
    expect(d.trace.at(-1)).toMatchObject({
      step: 'queue',
      queueId: 'gold',
      matchedRule: 'Gold customers',
      reason: 'rule "Gold customers" matched',
    });
  });

  it('routes on a pre-chat answer', () => {
    expect(route(routingContext({ prechat: { question: 'Where is my Invoice?' } })).queueId).toBe('billing');
  });

  it('takes the first matching rule when several match', () => {
    expect(route(routingContext({ context: { tier: 'gold' }, prechat: { question: 'invoice' } })).queueId).toBe('gold');
  });

  it('falls back when nothing matches, and says so', () => {
    const d = route(routingContext({ context: { tier: 'silver' } }));
    expect(d).toMatchObject({ queueId: 'fallback', overflow: null });
    expect(d.trace.at(-1)).toMatchObject({
      step: 'queue',
      queueId: 'fallback',
      matchedRule: null,
      reason: expect.stringContaining('no rule matched'),
    });
  });

  it('lets rules read classification outputs', () => {
    const ws = workstream({
      classification: [
        {
          name: 'Lang',
          rules: [
            {
              name: 'fr',
              when: eq('channel.locale', 'fr-FR'),
              set: { skills: [{ skillId: 'french', proficiency: 5 }] },
            },
          ],
        },
      ],
      routeToQueue: [
        rule('French', { kind: 'compare', field: 'output.skills', operator: 'contains', value: 'french' }, 'fr'),
      ],
    });
    const cfg = config({ workstreams: [ws], queues: [queue({ id: 'fallback' }), queue({ id: 'fr' })] });
    const d = routeIntake(
      {
        conversationId: 'c',
        workstream: ws,
        context: routingContext({ channel: { locale: 'fr-FR' } }),
        now: MONDAY_NOON,
        stats: new Map(),
      },
      cfg,
    );
    expect(d.queueId).toBe('fr');
    expect(d.outputs).toEqual({ skills: [{ skillId: 'french', proficiency: 5 }] });
  });
});

describe('routeIntake: percentage split', () => {
  const split: RouteToQueueRule = {
    name: 'Split',
    when: { kind: 'always' },
    queues: [
      { queueId: 'a', percentage: 70 },
      { queueId: 'b', percentage: 30 },
    ],
  };

  it('sends one conversation to the same queue every time', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `conversation-${i}`);
    expect(ids.map((id) => pickShare(split, id).queueId)).toEqual(ids.map((id) => pickShare(split, id).queueId));
  });

  it('is roughly proportional over many conversations', () => {
    const n = 5000;
    let a = 0;
    for (let i = 0; i < n; i++) if (pickShare(split, `0b7c${i}-4f1e-9a2d-${i * 7919}`).queueId === 'a') a++;
    expect(a / n).toBeGreaterThan(0.66);
    expect(a / n).toBeLessThan(0.74);
  });

  it('checks overflow after the pick', () => {
    const route = setup(
      [split, rule('Rest', { kind: 'always' }, 'c')],
      [
        queue({ id: 'a', overflow: [{ when: full, then: { kind: 'assign-anyway' } }] }),
        queue({ id: 'b' }),
        queue({ id: 'c' }),
      ],
    );
    const toA = Array.from({ length: 100 }, (_, i) => `id-${i}`).find((id) => pickShare(split, id).queueId === 'a')!;
    expect(route(routingContext(), { conversationId: toA, stats: { a: busy(9) } }).queueId).toBe('c');
  });
});

describe('routeIntake: overflow (RT3)', () => {
  const always: Condition = { kind: 'always' };

  it('skips a matched queue that overflows for the next matching rule, and records why', () => {
    const route = setup(
      [rule('First', always, 'a'), rule('Second', always, 'b')],
      [
        queue({ id: 'a', overflow: [{ when: full, then: { kind: 'message-and-end', message: 'Busy' } }] }),
        queue({ id: 'b' }),
      ],
    );
    const d = route(routingContext(), { stats: { a: busy(5) } });
    expect(d).toMatchObject({ queueId: 'b', overflow: null });
    expect(d.trace.at(-1)).toMatchObject({
      step: 'queue',
      queueId: 'b',
      skipped: [{ queueId: 'a', reason: expect.stringContaining('5 waiting, limit 5') }],
    });
  });

  it('a closed queue with hours counts as overflowing even without rules', () => {
    const route = setup(
      [rule('First', always, 'a'), rule('Second', always, 'b')],
      [queue({ id: 'a', operatingHoursId: 'office' }), queue({ id: 'b' })],
      { hours: [hours({ id: 'office' })] },
    );
    expect(route(routingContext(), { now: SATURDAY_EVENING }).queueId).toBe('b');
    expect(route(routingContext(), { now: MONDAY_NOON }).queueId).toBe('a');
  });

  const allOverflow = (action: OverflowRule['then']) =>
    setup(
      [rule('First', always, 'a')],
      [
        queue({ id: 'a', overflow: [{ when: full, then: action }] }),
        queue({ id: 'spill', overflow: [{ when: full, then: { kind: 'message-and-end', message: 'x' } }] }),
      ],
    );

  it('transfer: the item goes to the target queue, which is not checked again', () => {
    const d = allOverflow({ kind: 'transfer', queueId: 'spill' })(routingContext(), {
      stats: { a: busy(7), spill: busy(50) },
    });
    expect(d).toMatchObject({ queueId: 'spill', overflow: { kind: 'transfer', queueId: 'spill' } });
    expect(d.trace.filter((s) => s.step === 'overflow')).toEqual([
      {
        step: 'overflow',
        queueId: 'a',
        condition: '7 waiting, limit 5',
        action: { kind: 'transfer', queueId: 'spill' },
      },
    ]);
  });

  it("transfer to a queue outside the configuration (another organisation's): the item stays in its queue", () => {
    const d = allOverflow({ kind: 'transfer', queueId: 'elsewhere' })(routingContext(), { stats: { a: busy(7) } });
    expect(d).toMatchObject({ queueId: 'a', overflow: null });
    expect(d.trace.at(-1)).toMatchObject({ queueId: 'a', reason: expect.stringContaining('unknown queue') });
  });

  it.each([
    [{ kind: 'message-and-end', message: 'We are busy' }],
    [{ kind: 'offer-callback', message: 'We call you back' }],
  ] as const)('%o ends intake without a queue', (action) => {
    expect(allOverflow(action)(routingContext(), { stats: { a: busy(5) } })).toMatchObject({
      queueId: null,
      overflow: action,
    });
  });

  it('assign-anyway keeps the queue, traces the overflow and reports no action', () => {
    const d = allOverflow({ kind: 'assign-anyway' })(routingContext(), { stats: { a: busy(5) } });
    expect(d).toMatchObject({ queueId: 'a', overflow: null });
    expect(d.trace.some((s) => s.step === 'overflow' && s.action.kind === 'assign-anyway')).toBe(true);
  });

  it('fires on the estimated wait', () => {
    const route = setup(
      [rule('R', always, 'a')],
      [
        queue({
          id: 'a',
          overflow: [
            { when: { kind: 'estimated-wait', seconds: 300 }, then: { kind: 'offer-callback', message: 'cb' } },
          ],
        }),
      ],
    );
    expect(route(routingContext(), { stats: { a: { waiting: 1, estimatedWaitSeconds: 299 } } }).queueId).toBe('a');
    expect(route(routingContext(), { stats: { a: { waiting: 1, estimatedWaitSeconds: 300 } } }).queueId).toBeNull();
  });

  it('checks outside-hours first when several conditions hold', () => {
    const q = queue({
      id: 'a',
      operatingHoursId: 'office',
      overflow: [
        { when: full, then: { kind: 'transfer', queueId: 'fallback' } },
        { when: { kind: 'outside-hours' }, then: { kind: 'message-and-end', message: 'Closed' } },
      ],
    });
    const route = setup([rule('R', always, 'a')], [q], { hours: [hours({ id: 'office' })] });
    expect(route(routingContext(), { now: SATURDAY_EVENING, stats: { a: busy(9) } }).overflow).toEqual({
      kind: 'message-and-end',
      message: 'Closed',
    });
    expect(route(routingContext(), { now: MONDAY_NOON, stats: { a: busy(9) } }).overflow).toEqual({
      kind: 'transfer',
      queueId: 'fallback',
    });
  });

  it('when every matched queue overflows, takes the first that is open', () => {
    const route = setup(
      [rule('Closed one', always, 'closed'), rule('Open one', always, 'open')],
      [
        queue({ id: 'closed', operatingHoursId: 'weekend' }),
        queue({ id: 'open', overflow: [{ when: full, then: { kind: 'offer-callback', message: 'cb' } }] }),
      ],
      { hours: [hours({ id: 'weekend', weekly: [{ day: 'sat', start: '10:00', end: '12:00' }] })] },
    );
    const d = route(routingContext(), { stats: { open: busy(5) } });
    expect(d).toMatchObject({ queueId: null, overflow: { kind: 'offer-callback' } });
    expect(d.trace.find((s) => s.step === 'queue')).toMatchObject({
      queueId: 'open',
      reason: expect.stringContaining('first one that is open'),
    });
  });

  it('when none is open, takes the one that opens soonest', () => {
    const route = setup(
      [rule('Weekdays', always, 'weekdays'), rule('Sundays', always, 'sundays')],
      [queue({ id: 'weekdays', operatingHoursId: 'office' }), queue({ id: 'sundays', operatingHoursId: 'sunday' })],
      {
        hours: [
          hours({ id: 'office' }),
          hours({ id: 'sunday', weekly: [{ day: 'sun', start: '10:00', end: '14:00' }] }),
        ],
      },
    );
    const d = route(routingContext(), { now: SATURDAY_EVENING });
    expect(d.queueId).toBe('sundays');
    expect(d.trace.find((s) => s.step === 'queue')).toMatchObject({
      reason: expect.stringContaining('2026-03-08T09:00:00.000Z'),
    });
  });

  it('ignores the fallback queue’s overflow', () => {
    const ws = workstream({ routeToQueue: [] });
    const fallback = queue({
      id: 'fallback',
      overflow: [{ when: full, then: { kind: 'message-and-end', message: 'x' } }],
    });
    const d = routeIntake(
      {
        conversationId: 'c',
        workstream: ws,
        context: routingContext(),
        now: MONDAY_NOON,
        stats: new Map([['fallback', busy(99)]]),
      },
      config({ workstreams: [ws], queues: [fallback] }),
    );
    expect(d).toMatchObject({ queueId: 'fallback', overflow: null });
    expect(d.trace.some((s) => s.step === 'overflow')).toBe(false);
  });
});
