import type { OperatingHours, QueueConfig } from '@switchboard/protocol';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../state/auth-store';
import { ALICE, BOB, SALES, SUPPORT, createFakeApi, uuid } from '../test/fake-api';
import { renderApp } from '../test/render';

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

describe('skills, capacity profiles, presences', () => {
  it('creates a skill; the list refreshes', async () => {
    const { api } = renderApp('/skills');
    await screen.findByTestId('skill-row');
    fireEvent.click(screen.getByTestId('skill-new'));
    fireEvent.click(await screen.findByTestId('skill-save'));
    expect(await screen.findByText('Required.')).toBeTruthy();
    expect(api.sent('createSkill')).toHaveLength(0);
    change(screen.getByTestId('skill-name'), 'Printers');
    change(screen.getByTestId('skill-type'), 'Product');
    fireEvent.click(screen.getByTestId('skill-save'));
    await waitFor(() =>
      expect(screen.getAllByTestId('skill-row').map((r) => r.getAttribute('data-name'))).toEqual([
        'French',
        'Printers',
      ]),
    );
    expect(api.sent('createSkill')).toEqual([{ name: 'Printers', type: 'Product' }]);
  });

  it('asks before deleting and shows the server’s 409 message', async () => {
    const api = createFakeApi();
    api.on('deleteSkill', () => ({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'Skill French is used by Alice Martin' },
    }));
    renderApp('/skills', { api });
    fireEvent.click(await screen.findByTestId('skill-delete'));
    expect((await screen.findByTestId('confirm-delete')).textContent).toContain('French');
    expect(api.sent('deleteSkill')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('confirm-ok'));
    expect((await screen.findByTestId('delete-error')).textContent).toBe('Skill French is used by Alice Martin');
    expect(screen.getAllByTestId('skill-row')).toHaveLength(1);
  });

  it('creates a capacity profile and a custom presence', async () => {
    const { api } = renderApp('/capacity-profiles');
    fireEvent.click(await screen.findByTestId('capacity-profile-new'));
    change(await screen.findByTestId('capacity-profile-name'), 'Chats');
    change(screen.getByTestId('capacity-profile-limit'), '0');
    fireEvent.click(screen.getByTestId('capacity-profile-save'));
    expect(await screen.findByText('At least 1.')).toBeTruthy();
    change(screen.getByTestId('capacity-profile-limit'), '4');
    change(screen.getByTestId('capacity-profile-reset'), 'end-of-day');
    fireEvent.click(screen.getByTestId('capacity-profile-save'));
    await screen.findByTestId('capacity-profile-row');
    expect(api.sent('createCapacityProfile')).toEqual([
      { name: 'Chats', defaultLimit: 4, resetFrequency: 'end-of-day', blocksAssignment: true },
    ]);

    fireEvent.click(screen.getByTestId('nav-presences'));
    fireEvent.click(await screen.findByTestId('presence-new'));
    change(await screen.findByTestId('presence-name'), 'In training');
    change(screen.getByTestId('presence-base'), 'away');
    fireEvent.click(screen.getByTestId('presence-save'));
    await screen.findByTestId('presence-row');
    expect(api.sent('createPresence')).toEqual([{ name: 'In training', base: 'away' }]);
  });
});

describe('queues', () => {
  it('creates a queue with members, priority, custom ordering and overflow', async () => {
    const { api } = renderApp('/queues/new');
    change(await screen.findByTestId('queue-name'), 'VIP');
    change(screen.getByTestId('queue-priority'), '10');
    const members = screen.getAllByTestId('queue-member');
    expect(members.map((m) => m.closest('span, div')?.textContent)).not.toContain('Ada Admin (ada@contoso.example)');
    fireEvent.click(members.find((m) => m.getAttribute('data-email') === 'bob@contoso.example')!);
    expect(screen.getByTestId('queue-members-count').textContent).toBe('1 member');
    change(screen.getByTestId('queue-method'), 'custom');
    fireEvent.click(screen.getByTestId('queue-sort-key-add'));
    change(screen.getAllByTestId('queue-sort-key-name')[1]!, 'idle-time');
    fireEvent.click(screen.getAllByTestId('queue-sort-key-up')[1]!);
    fireEvent.click(screen.getByTestId('queue-filter-add'));
    fireEvent.click(screen.getByTestId('overflow-add'));
    change(screen.getByTestId('overflow-then'), 'transfer');
    change(screen.getByTestId('overflow-queue'), SUPPORT);
    fireEvent.click(screen.getByTestId('queue-save'));
    await waitFor(() => expect(api.sent('createQueue')).toHaveLength(1));
    expect(api.sent('createQueue')[0]).toEqual({
      name: 'VIP',
      priority: 10,
      assignment: {
        kind: 'custom',
        order: [
          { key: 'idle-time', direction: 'desc' },
          { key: 'skill-match', direction: 'desc' },
        ],
        filters: [{ kind: 'min-remaining-capacity', units: 1 }],
      },
      operatingHoursId: null,
      overflow: [{ when: { kind: 'queue-size', limit: 20 }, then: { kind: 'transfer', queueId: SUPPORT } }],
      memberIds: [BOB],
    } satisfies Omit<QueueConfig, 'id'>);
  });

  it('lists queues by priority', async () => {
    const api = createFakeApi();
    api.state.queues[1]!.priority = 5;
    renderApp('/queues', { api });
    await screen.findAllByTestId('queue-row');
    expect(screen.getAllByTestId('queue-row').map((r) => r.getAttribute('data-name'))).toEqual(['Support', 'Sales']);
  });
});

describe('operating hours', () => {
  it('creates weekly hours with a holiday in a chosen time zone', async () => {
    const { api } = renderApp('/operating-hours/new');
    change(await screen.findByTestId('hours-name'), 'Office');
    const tz = screen.getByTestId('hours-timezone') as HTMLSelectElement;
    expect([...tz.options].map((o) => o.value)).toContain('Europe/Amsterdam');
    change(tz, 'Europe/Amsterdam');
    const monday = screen.getAllByTestId('hours-day').find((d) => d.getAttribute('data-day') === 'mon')!;
    change(within(monday).getByTestId('hours-end'), '12:00');
    fireEvent.click(within(monday).getByTestId('hours-add-period'));
    change(within(monday).getAllByTestId('hours-start')[1]!, '13:00');
    change(within(monday).getAllByTestId('hours-end')[1]!, '12:30');
    fireEvent.click(screen.getByTestId('hours-copy-monday'));
    change(screen.getByTestId('hours-holiday-input'), '2025-12-25');
    fireEvent.click(screen.getByTestId('hours-holiday-add'));
    fireEvent.click(screen.getByTestId('hours-save'));
    expect((await screen.findAllByText('A period must end after it starts.')).length).toBe(5);
    for (const m of screen
      .getAllByTestId('hours-day')
      .filter((d) => ['mon', 'tue', 'wed', 'thu', 'fri'].includes(d.getAttribute('data-day')!))) {
      change(within(m).getAllByTestId('hours-end')[1]!, '17:30');
    }
    fireEvent.click(screen.getByTestId('hours-save'));
    await waitFor(() => expect(api.sent('createOperatingHours')).toHaveLength(1));
    const body = api.sent('createOperatingHours')[0] as Omit<OperatingHours, 'id'>;
    expect(body.timeZone).toBe('Europe/Amsterdam');
    expect(body.holidays).toEqual(['2025-12-25']);
    expect(body.weekly).toHaveLength(10);
    expect(body.weekly.filter((p) => p.day === 'wed')).toEqual([
      { day: 'wed', start: '09:00', end: '12:00' },
      { day: 'wed', start: '13:00', end: '17:30' },
    ]);
  });
});

describe('settings', () => {
  it('saves the default presence (base or custom), idle minutes and what missed or rejected offers do', async () => {
    const api = createFakeApi();
    api.state.presences.push({ id: uuid(51), name: 'In training', base: 'away' });
    renderApp('/settings', { api });
    change(await screen.findByTestId('settings-default-presence'), uuid(51));
    change(screen.getByTestId('settings-idle-minutes'), '30');
    fireEvent.click(screen.getByTestId('settings-reject-dnd'));
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() =>
      expect(api.sent('updateRoutingSettings')).toEqual([
        {
          defaultPresence: uuid(51),
          idleMinutes: 30,
          missedOfferMakesInactive: false,
          rejectMakesDoNotDisturb: true,
          sessionLimit: null,
          fullPresence: 'busy',
        },
      ]),
    );
  });

  it('saves a session limit and "a full agent shows Do not disturb" (AG1)', async () => {
    const api = createFakeApi();
    renderApp('/settings', { api });
    change(await screen.findByTestId('settings-session-limit'), '5');
    fireEvent.click(screen.getByTestId('settings-full-dnd'));
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() =>
      expect(api.sent('updateRoutingSettings').at(-1)).toMatchObject({ sessionLimit: 5, fullPresence: 'busy-dnd' }),
    );
  });

  it('shows a saved session limit, and saves an emptied one as no limit', async () => {
    const api = createFakeApi();
    api.state.settings = { ...api.state.settings, sessionLimit: 5, fullPresence: 'busy-dnd' };
    renderApp('/settings', { api });
    const limit = await screen.findByTestId('settings-session-limit');
    expect(limit).toHaveProperty('value', '5');
    change(limit, '');
    fireEvent.click(screen.getByTestId('settings-full-busy'));
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() =>
      expect(api.sent('updateRoutingSettings').at(-1)).toMatchObject({ sessionLimit: null, fullPresence: 'busy' }),
    );
  });
});

describe('attachment settings (AG4)', () => {
  it("saves the largest file in MiB and the types allowed, in the server's order", async () => {
    const api = createFakeApi();
    renderApp('/settings', { api });
    const max = await screen.findByTestId('settings-attachment-max');
    expect(max).toHaveProperty('value', '5');
    change(max, '10');
    fireEvent.click(screen.getByTestId('settings-attachment-type-application/pdf'));
    fireEvent.click(screen.getByTestId('settings-attachment-type-text/plain'));
    fireEvent.click(screen.getByTestId('settings-attachments-save'));
    await waitFor(() =>
      expect(api.sent('updateAttachmentSettings')).toEqual([
        { maxBytes: 10 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'text/plain'] },
      ]),
    );
  });

  it('refuses more than the server allows before sending', async () => {
    const api = createFakeApi();
    renderApp('/settings', { api });
    const max = await screen.findByTestId('settings-attachment-max');
    change(max, '30');
    fireEvent.click(screen.getByTestId('settings-attachments-save'));
    await waitFor(() => expect(max.getAttribute('aria-invalid')).toBe('true'));
    expect(api.sent('updateAttachmentSettings')).toEqual([]);
  });
});

describe('supervisor switches (SV7)', () => {
  it('turns customer sentiment off as it is switched', async () => {
    const api = createFakeApi();
    renderApp('/settings', { api });
    const toggle = await screen.findByTestId('settings-sentiment');
    expect(toggle).toHaveProperty('checked', true);
    fireEvent.click(toggle);
    await waitFor(() => expect(api.sent('updateSentimentSetting')).toEqual([{ enabled: false, threshold: 'none' }]));
  });

  it('sets the level that alerts supervisors', async () => {
    const api = createFakeApi();
    renderApp('/settings', { api });
    const threshold = await screen.findByTestId('settings-sentiment-threshold');
    change(threshold, 'negative');
    await waitFor(() => expect(api.sent('updateSentimentSetting')).toEqual([{ enabled: true, threshold: 'negative' }]));
  });

  it('turns one command off and saves all four', async () => {
    const api = createFakeApi();
    renderApp('/settings', { api });
    const forceClose = await screen.findByTestId('settings-supervision-force-close');
    expect(forceClose).toHaveProperty('checked', true);
    fireEvent.click(forceClose);
    fireEvent.click(screen.getByTestId('settings-supervision-save'));
    await waitFor(() =>
      expect(api.sent('updateSupervisorSwitches')).toEqual([
        { monitor: true, assign: true, transfer: true, 'force-close': false },
      ]),
    );
  });
});

describe('import / export', () => {
  const upload = (content: string, name = 'config.json') =>
    fireEvent.change(screen.getByTestId('import-file'), {
      target: { files: [new File([content], name, { type: 'application/json' })] },
    });

  it('lists the server’s problems and says nothing changed', async () => {
    const api = createFakeApi();
    api.on('importConfig', () => ({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'The configuration has 2 problems',
        problems: ['queues[0].name: required', 'workstreams[0].fallbackQueueId: unknown queue'],
      },
    }));
    renderApp('/import-export', { api });
    upload(JSON.stringify({ format: 'switchboard-config', version: 1 }));
    fireEvent.click(await screen.findByTestId('import-confirm'));
    const problems = await screen.findByTestId('import-problems');
    expect(problems.textContent).toContain('nothing was changed');
    expect(screen.getAllByTestId('import-problem').map((p) => p.textContent)).toEqual([
      'queues[0].name: required',
      'workstreams[0].fallbackQueueId: unknown queue',
    ]);
  });

  it('reports a file that is not JSON without calling the server, and imports a good one', async () => {
    const { api } = renderApp('/import-export');
    upload('not json at all');
    expect((await screen.findByTestId('import-problems')).textContent).toContain('not valid JSON');
    expect(api.sent('importConfig')).toHaveLength(0);
    upload(JSON.stringify({ format: 'switchboard-config', version: 1 }));
    fireEvent.click(await screen.findByTestId('import-confirm'));
    expect((await screen.findByTestId('import-result')).textContent).toContain('skills: 1');
    expect(api.sent('importConfig')).toEqual([{ format: 'switchboard-config', version: 1 }]);
  });

  it('downloads the export as a JSON file', async () => {
    const { api } = renderApp('/import-export');
    const created: Blob[] = [];
    URL.createObjectURL = (b: Blob) => (created.push(b), 'blob:x');
    URL.revokeObjectURL = () => undefined;
    fireEvent.click(await screen.findByTestId('export-download'));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(JSON.parse(await created[0]!.text())).toMatchObject({ format: 'switchboard-config', version: 1 });
    expect(api.sent('exportConfig')).toHaveLength(1);
  });
});

describe('routing trace', () => {
  it('finds the id in what was pasted and shows every step with its reasons', async () => {
    const api = createFakeApi();
    const id = uuid(77);
    api.state.traces[id] = {
      conversationId: id,
      state: 'active',
      entries: [
        {
          at: '2025-01-01T10:00:00.000Z',
          steps: [
            {
              step: 'classification',
              ruleset: 'Language',
              matchedRule: 'French',
              outputs: { skills: [{ skillId: uuid(31), proficiency: 5 }] },
            },
            {
              step: 'queue',
              queueId: SALES,
              queueName: 'Sales',
              matchedRule: 'Gold',
              reason: 'first matching rule',
              skipped: [{ queueId: SUPPORT, queueName: 'Support', reason: 'overflowing' }],
            },
            { step: 'overflow', queueId: SALES, condition: 'queue-size > 20', action: { kind: 'assign-anyway' } },
            {
              step: 'assignment',
              queueId: SALES,
              strategy: 'highest-capacity',
              agentId: ALICE,
              outcome: 'offered',
              considered: [
                { agentId: ALICE, agentName: 'Alice Martin', chosen: true, rank: 1, reason: 'most free capacity (2)' },
                {
                  agentId: BOB,
                  agentName: 'Bob de Vries',
                  chosen: false,
                  rank: null,
                  reason: 'presence away is not allowed',
                },
                {
                  agentId: uuid(13),
                  agentName: 'Chloé Dubois',
                  chosen: false,
                  rank: null,
                  reason: `missing skill ${uuid(31)} (needs 5)`,
                },
              ],
            },
          ],
        },
      ],
    };
    renderApp('/trace', { api });
    change(await screen.findByTestId('trace-id'), 'nonsense');
    fireEvent.click(screen.getByTestId('trace-submit'));
    expect(await screen.findByText('Enter or paste a conversation id (a UUID).')).toBeTruthy();
    change(screen.getByTestId('trace-id'), `http://localhost/agent/conversations/${id.toUpperCase()}`);
    fireEvent.click(screen.getByTestId('trace-submit'));
    await screen.findByTestId('trace-entry');
    expect(screen.getAllByTestId('trace-step').map((s) => s.getAttribute('data-step'))).toEqual([
      'classification',
      'queue',
      'overflow',
      'assignment',
    ]);
    expect(screen.queryByTestId('trace-waiting')).toBeNull(); // it is active
    expect(screen.getByTestId('trace-outputs').textContent).toBe('Set: Skills: French 5');
    expect(screen.getByTestId('trace-queue').textContent).toBe('Sales');
    expect(screen.getByTestId('trace-skipped').textContent).toBe('Skipped Support: overflowing');
    const agents = screen.getAllByTestId('trace-agent');
    expect(agents.map((a) => a.getAttribute('data-chosen'))).toEqual(['true', 'false', 'false']);
    expect(screen.getAllByTestId('trace-rank').map((r) => r.textContent)).toEqual(['1', 'skipped', 'skipped']);
    expect(agents[1]!.textContent).toContain('presence away is not allowed');
    // The engine names skills by id; the admin reads the name.
    expect(agents[2]!.textContent).toContain('missing skill “French” (needs 5)');
  });

  it('says when the conversation still waits for an agent', async () => {
    const api = createFakeApi();
    const id = uuid(79);
    api.state.traces[id] = {
      conversationId: id,
      state: 'open',
      entries: [{ at: '2025-01-01T10:00:00.000Z', steps: [] }],
    };
    renderApp(`/trace/${id}`, { api });
    expect((await screen.findByTestId('trace-waiting')).textContent).toContain('Still waiting in its queue');
    expect(screen.queryByTestId('trace-now')).toBeNull();
  });

  it('shows under "Right now" why each member of the queue is or is not offered a waiting conversation', async () => {
    const api = createFakeApi();
    const id = uuid(77);
    api.state.traces[id] = {
      conversationId: id,
      state: 'open',
      entries: [],
      now: {
        at: '2025-01-01T10:05:00.000Z',
        queueId: SUPPORT,
        note: null,
        agents: [
          { agentId: ALICE, name: 'Alice Martin', eligible: false, rank: null, reason: 'presence away is not allowed' },
          { agentId: BOB, name: 'Bob de Vries', eligible: false, rank: null, reason: 'capacity 0 left, 1 needed' },
          { agentId: uuid(13), name: 'Chloé Dubois', eligible: true, rank: 1, reason: 'round robin: never assigned' },
        ],
      },
    };
    renderApp(`/trace/${id}`, { api });
    const now = await screen.findByTestId('trace-now');
    expect(now.textContent).toContain('Right now');
    expect(now.textContent).toContain('Support');
    expect(screen.getAllByTestId('trace-now-reason').map((r) => r.textContent)).toEqual([
      'presence away is not allowed',
      'capacity 0 left, 1 needed',
      'round robin: never assigned',
    ]);
    expect(screen.getAllByTestId('trace-now-agent').map((r) => r.getAttribute('data-eligible'))).toEqual([
      'false',
      'false',
      'true',
    ]);
    expect(screen.getAllByTestId('trace-now-rank').map((r) => r.textContent)).toEqual(['—', '—', '1']);
  });

  it('says when the conversation does not exist', async () => {
    renderApp(`/trace/${uuid(78)}`);
    expect((await screen.findByTestId('trace-error')).textContent).toBe('No conversation with this id.');
  });
});
