import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  monitorReceives,
  reaches,
  supervisorSource,
  type Audience,
  type Signal,
  type Source,
} from './monitor-visibility.js';

const SOURCES: Source[] = ['customer', 'agent', 'system', 'monitoring-supervisor', 'joined-supervisor'];
const AUDIENCES: Audience[] = ['customer', 'agent', 'supervisor'];
const SIGNALS: Signal[] = [
  'message',
  'note',
  'staff-event',
  'typing',
  'read',
  'sentiment',
  'monitor-started',
  'monitor-stopped',
  'joined',
  'left',
];

describe('a silent monitor (SV2)', () => {
  it('gives nothing back: no event, typing or read state of theirs reaches anyone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SIGNALS), fc.constantFrom(...AUDIENCES), (signal, to) => {
        expect(reaches('monitoring-supervisor', signal, to)).toBe(false);
      }),
    );
  });

  it('receives the whole staff side live: messages both ways, notes, staff events, typing, sentiment', () => {
    const received = SOURCES.flatMap((from) =>
      SIGNALS.filter((s) => monitorReceives(from, s)).map((s) => `${from} ${s}`),
    );
    expect(received).toEqual([
      'customer message',
      'customer typing',
      'customer read',
      'agent message',
      'agent note',
      'agent staff-event',
      'agent typing',
      'agent read',
      'system message',
      'system staff-event',
      'system sentiment',
      'joined-supervisor message',
      'joined-supervisor note',
      'joined-supervisor staff-event',
      'joined-supervisor typing',
      'joined-supervisor read',
      'joined-supervisor joined',
      'joined-supervisor left',
    ]);
  });

  it('starting or stopping to monitor is announced to no one (it is recorded for the audit only)', () => {
    for (const from of SOURCES)
      for (const signal of ['monitor-started', 'monitor-stopped'] as const)
        for (const to of AUDIENCES) expect(reaches(from, signal, to)).toBe(false);
  });
});

describe('a joined supervisor (SV3)', () => {
  it.each<[Signal, Audience[]]>([
    ['joined', ['customer', 'agent', 'supervisor']],
    ['left', ['customer', 'agent', 'supervisor']],
    ['message', ['customer', 'agent', 'supervisor']],
    ['note', ['agent', 'supervisor']],
    ['typing', ['customer', 'agent', 'supervisor']],
    ['read', ['customer', 'agent', 'supervisor']],
  ])('%s reaches %o', (signal, audiences) => {
    expect(AUDIENCES.filter((to) => reaches('joined-supervisor', signal, to))).toEqual(audiences);
  });

  it('a supervisor counts as silent while monitoring and as a participant once joined', () => {
    expect(supervisorSource('monitoring')).toBe('monitoring-supervisor');
    expect(supervisorSource('joined')).toBe('joined-supervisor');
  });
});

describe('what never reaches the customer', () => {
  it('notes, staff events and sentiment, from anyone', () => {
    for (const from of SOURCES)
      for (const signal of ['note', 'staff-event', 'sentiment'] as const)
        expect(reaches(from, signal, 'customer')).toBe(false);
  });

  it('their own typing and reading are for the staff', () => {
    expect(reaches('customer', 'typing', 'customer')).toBe(false);
    expect(reaches('customer', 'read', 'agent')).toBe(true);
  });
});
