import type { Workstream } from '@switchboard/protocol';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { SALES, SUPPORT, WEBSITE, createFakeApi, uuid } from '../../test/fake-api';
import { renderApp } from '../../test/render';

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe('workstream editor', () => {
  afterEach(() => {
    cleanup();
    useAuth.getState().signOut();
  });

  it('adds a route-to-queue rule with the condition builder, moves it first and saves the whole workstream', async () => {
    const { api } = renderApp(`/workstreams/${WEBSITE}?tab=rules`);
    const existing = await screen.findByTestId('route-rule');
    expect((within(existing).getByTestId('route-rule-name') as HTMLInputElement).value).toBe('Buying questions go to Sales');
    // The seeded rule's "contains any of" shows its values as a list.
    expect(within(existing).getAllByTestId('cond-value-tag').map((t) => t.textContent)).toEqual(['price', 'buy']);
    expect(screen.getByTestId('fallback-note').textContent).toContain('Support');

    fireEvent.click(screen.getByTestId('route-rule-add'));
    const rule = screen.getAllByTestId('route-rule')[1]!;
    change(within(rule).getByTestId('route-rule-name'), 'Gold customers');
    fireEvent.click(within(rule).getByTestId('cond-add'));
    change(within(rule).getByTestId('cond-scope'), 'context');
    change(within(rule).getByTestId('cond-name'), 'tier');
    change(within(rule).getByTestId('cond-operator'), 'equals');
    change(within(rule).getByTestId('cond-value'), 'gold');
    change(within(rule).getByTestId('route-rule-queue'), SUPPORT);
    fireEvent.click(within(rule).getByTestId('route-rule-up'));
    fireEvent.click(screen.getByTestId('workstream-save'));

    await waitFor(() => expect(api.sent('updateWorkstream')).toHaveLength(1));
    const body = api.sent('updateWorkstream')[0] as Omit<Workstream, 'id'>;
    expect(body.routeToQueue.map((r) => r.name)).toEqual(['Gold customers', 'Buying questions go to Sales']);
    expect(body.routeToQueue[0]).toEqual({
      name: 'Gold customers',
      when: { kind: 'compare', field: 'context.tier', operator: 'equals', value: 'gold' },
      queues: [{ queueId: SUPPORT, percentage: 100 }],
    });
    expect(body).not.toHaveProperty('id');
    expect(body.name).toBe('Website chat');
    await screen.findByTestId('toast-success');
  });

  it('checks the rules with the protocol schema: each problem next to its field, nothing sent', async () => {
    const { api } = renderApp(`/workstreams/${WEBSITE}?tab=rules`);
    await screen.findByTestId('route-rule');
    fireEvent.click(screen.getByTestId('route-rule-add'));
    const rule = screen.getAllByTestId('route-rule')[1]!;
    fireEvent.click(within(rule).getByTestId('cond-add'));
    fireEvent.click(within(rule).getByTestId('route-rule-target-split'));
    change(within(rule).getAllByTestId('route-rule-split-queue')[0]!, SALES);
    change(within(rule).getAllByTestId('route-rule-split-percentage')[0]!, '60');
    fireEvent.click(within(rule).getByTestId('route-rule-split-add'));
    change(within(rule).getAllByTestId('route-rule-split-queue')[1]!, SUPPORT);
    change(within(rule).getAllByTestId('route-rule-split-percentage')[1]!, '30');
    fireEvent.click(screen.getByTestId('workstream-save'));

    await screen.findByTestId('form-errors');
    expect(api.sent('updateWorkstream')).toHaveLength(0);
    expect(within(rule).getByText('Required.')).toBeTruthy();
    const errors = within(rule).getAllByTestId('field-error').map((e) => e.textContent);
    expect(errors).toContain('Enter a field name: letters, digits, _ or -.');
    expect(errors).toContain('Enter a value.');
    expect(errors).toContain('The percentages must add up to 100.');
    expect(within(rule).getByTestId('route-rule-split-total').textContent).toContain('90%');
    expect(screen.getByTestId('ws-tab-rules').textContent).toMatch(/\d/);

    // Fixing them as the user types clears the messages.
    change(within(rule).getByTestId('route-rule-name'), 'Split');
    change(within(rule).getByTestId('cond-name'), 'tier');
    change(within(rule).getByTestId('cond-value'), 'gold');
    change(within(rule).getAllByTestId('route-rule-split-percentage')[1]!, '40');
    await waitFor(() => expect(screen.queryByTestId('form-errors')).toBeNull());
    fireEvent.click(screen.getByTestId('workstream-save'));
    await waitFor(() => expect(api.sent('updateWorkstream')).toHaveLength(1));
    const body = api.sent('updateWorkstream')[0] as Omit<Workstream, 'id'>;
    expect(body.routeToQueue[1]!.queues).toEqual([
      { queueId: SALES, percentage: 60 },
      { queueId: SUPPORT, percentage: 40 },
    ]);
  });

  it('edits classification rulesets: skills with proficiency, priority, severity', async () => {
    const { api } = renderApp(`/workstreams/${WEBSITE}?tab=rules`);
    await screen.findByTestId('ruleset-add');
    fireEvent.click(screen.getByTestId('ruleset-add'));
    const ruleset = screen.getByTestId('ruleset');
    change(within(ruleset).getByTestId('ruleset-name'), 'Language');
    const rule = within(ruleset).getByTestId('class-rule');
    change(within(rule).getByTestId('class-rule-name'), 'French speakers');
    fireEvent.click(within(rule).getByTestId('cond-add'));
    change(within(rule).getByTestId('cond-scope'), 'prechat');
    change(within(rule).getByTestId('cond-name'), 'language');
    change(within(rule).getByTestId('cond-value'), 'fr');
    fireEvent.click(within(rule).getByTestId('class-rule-skill-add'));
    change(within(rule).getByTestId('class-rule-proficiency'), '7');
    change(within(rule).getByTestId('class-rule-priority'), '10');
    change(within(rule).getByTestId('class-rule-severity'), 'high');
    fireEvent.click(screen.getByTestId('workstream-save'));
    await waitFor(() => expect(api.sent('updateWorkstream')).toHaveLength(1));
    const body = api.sent('updateWorkstream')[0] as Omit<Workstream, 'id'>;
    expect(body.classification).toEqual([
      {
        name: 'Language',
        rules: [
          {
            name: 'French speakers',
            when: { kind: 'compare', field: 'prechat.language', operator: 'equals', value: 'fr' },
            set: { skills: [{ skillId: uuid(31), proficiency: 7 }], priority: 10, severity: 'high' },
          },
        ],
      },
    ]);
  });

  it('edits the settings tab and shows the server’s message when it refuses', async () => {
    const api = createFakeApi();
    api.on('updateWorkstream', () => ({ status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Queue Sales is being deleted' } }));
    renderApp(`/workstreams/${WEBSITE}`, { api });
    await screen.findByTestId('ws-name');
    fireEvent.click(screen.getByTestId('ws-presence-away'));
    fireEvent.click(within(screen.getByTestId('ws-wrapup')).getByLabelText('Release after'));
    change(screen.getByTestId('ws-wrapup-seconds'), '90');
    change(screen.getByTestId('ws-max-declines'), '5');
    change(screen.getByTestId('ws-skill-matching'), 'closest');
    change(screen.getByTestId('ws-auto-close'), '60');
    fireEvent.click(screen.getByTestId('ws-affinity'));
    fireEvent.click(screen.getByTestId('workstream-save'));
    expect((await screen.findByTestId('save-error')).textContent).toContain('Queue Sales is being deleted');
    expect(api.sent('updateWorkstream')[0]).toMatchObject({
      allowedPresences: ['available', 'busy', 'away'],
      wrapUpBlocking: { kind: 'release-after', seconds: 90 },
      maxDeclines: 5,
      skillMatching: 'closest',
      autoCloseAfterMinutes: 60,
      affinity: true,
    });
  });

  it('creates a workstream and opens it', async () => {
    const { api } = renderApp('/workstreams/new');
    change(await screen.findByTestId('ws-name'), 'Email');
    change(screen.getByTestId('ws-channel'), 'records');
    fireEvent.click(within(screen.getByTestId('ws-distribution')).getByLabelText('Pick'));
    fireEvent.click(screen.getByTestId('workstream-save'));
    await waitFor(() => expect(api.state.workstreams).toHaveLength(2));
    expect(api.state.workstreams[1]).toMatchObject({ name: 'Email', channel: 'records', distribution: 'pick', fallbackQueueId: SALES });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Email'));
  });
});
