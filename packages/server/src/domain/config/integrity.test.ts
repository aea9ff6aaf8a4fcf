import { describe, expect, it } from 'vitest';
import { configProblems, type ConfigState } from './integrity.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [SKILL, PROFILE, HOURS, Q1, Q2, WS, ALICE, PRES] = [1, 2, 3, 4, 5, 6, 7, 8].map(id);

function valid(): ConfigState {
  return {
    skills: [{ id: SKILL!, name: 'French', type: 'Language' }],
    capacityProfiles: [
      { id: PROFILE!, name: 'Chat', defaultLimit: 3, resetFrequency: 'immediate', blocksAssignment: true },
    ],
    presences: [{ id: PRES!, name: 'In training', base: 'away' }],
    operatingHours: [
      {
        id: HOURS!,
        name: 'Office',
        timeZone: 'Europe/Amsterdam',
        weekly: [{ day: 'mon', start: '09:00', end: '17:00' }],
        holidays: [],
      },
    ],
    queues: [
      {
        id: Q1!,
        name: 'Sales',
        priority: 10,
        assignment: { kind: 'round-robin' },
        operatingHoursId: HOURS!,
        overflow: [{ when: { kind: 'outside-hours' }, then: { kind: 'transfer', queueId: Q2! } }],
        memberIds: [ALICE!],
      },
      {
        id: Q2!,
        name: 'Support',
        priority: 100,
        assignment: { kind: 'highest-capacity' },
        operatingHoursId: null,
        overflow: [],
        memberIds: [],
      },
    ],
    workstreams: [
      {
        id: WS!,
        name: 'Chat',
        channel: 'messaging',
        distribution: 'push',
        capacity: { kind: 'profiles', profileIds: [PROFILE!] },
        allowedPresences: ['available', 'busy'],
        wrapUpBlocking: { kind: 'always' },
        autoCloseAfterMinutes: null,
        affinity: false,
        reopenWindowMinutes: 1440,
        fallbackQueueId: Q2!,
        offerTimeoutSeconds: null,
        maxDeclines: 3,
        skillMatching: 'exact',
        classification: [
          {
            name: 'Language',
            rules: [
              {
                name: 'fr',
                when: { kind: 'compare', field: 'context.lang', operator: 'equals', value: 'fr' },
                set: { skills: [{ skillId: SKILL!, proficiency: 5 }] },
              },
            ],
          },
        ],
        routeToQueue: [{ name: 'buyers', when: { kind: 'always' }, queues: [{ queueId: Q1!, percentage: 100 }] }],
      },
    ],
    agents: [
      {
        userId: ALICE!,
        capacity: 3,
        queueIds: [Q1!],
        skills: [{ skillId: SKILL!, proficiency: 8 }],
        capacityProfiles: [{ profileId: PROFILE!, customLimit: null }],
      },
    ],
    staff: [{ id: ALICE!, email: 'alice@x.example', name: 'Alice' }],
    settings: {
      defaultPresence: PRES!,
      idleMinutes: 15,
      missedOfferMakesInactive: false,
      rejectMakesDoNotDisturb: false,
      sessionLimit: null,
      fullPresence: 'busy',
    },
  };
}

describe('configuration integrity', () => {
  it('a consistent configuration has no problems', () => {
    expect(configProblems(valid())).toEqual([]);
  });

  it('lists every dangling reference and duplicate, in words', () => {
    const cfg = valid();
    const broken: ConfigState = {
      ...cfg,
      skills: [],
      capacityProfiles: [...cfg.capacityProfiles, { ...cfg.capacityProfiles[0]!, id: id(99) }],
      operatingHours: [],
      queues: [{ ...cfg.queues[0]!, memberIds: [id(50)] }],
      settings: {
        defaultPresence: id(77),
        idleMinutes: 15,
        missedOfferMakesInactive: false,
        rejectMakesDoNotDisturb: false,
        sessionLimit: null,
        fullPresence: 'busy',
      },
    };
    const problems = configProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'capacity profile "chat" appears twice',
        `queue "Sales" uses operating hours ${HOURS}, which do not exist`,
        `queue "Sales" lists member ${id(50)}, who is not a user of this organisation`,
        `queue "Sales" overflows to queue ${Q2}, which does not exist`,
        `workstream "Chat" falls back to queue ${Q2}, which does not exist`,
        `rule "fr" of ruleset "Language" in workstream "Chat" sets skill ${SKILL}, which does not exist`,
        `agent alice@x.example has skill ${SKILL}, which does not exist`,
        `agent alice@x.example lists queue "Sales", but the queue does not list the agent`,
        `the default presence ${id(77)} is neither a base presence nor a custom presence`,
      ]),
    );
    expect(problems).toHaveLength(9);
  });

  it('refuses a queue overflowing to itself', () => {
    const cfg = valid();
    const self = {
      ...cfg,
      queues: [
        {
          ...cfg.queues[0]!,
          overflow: [
            { when: { kind: 'queue-size' as const, limit: 5 }, then: { kind: 'transfer' as const, queueId: Q1! } },
          ],
        },
        cfg.queues[1]!,
      ],
    };
    expect(configProblems(self)).toEqual(['queue "Sales" overflows to itself']);
  });
});
