import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../api/api';
import { renderDesk } from '../test/render';
import { AssignDialog } from './assign-dialog';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const OPTIONS = {
  agents: [
    { id: id(1), name: 'Alice', presence: 'available', fits: true, override: null, refusal: null },
    {
      id: id(2),
      name: 'Bob',
      presence: 'busy',
      fits: false,
      override: 'capacity exceeded by 1 (4 of 3 units)',
      refusal: null,
    },
    { id: id(3), name: 'Chloe', presence: 'offline', fits: false, override: null, refusal: 'Chloe is offline' },
  ],
  queues: [{ id: id(9), name: 'Sales' }],
};

function setup() {
  const sent: unknown[] = [];
  const call = vi.fn(async (name: string, input?: { body?: unknown }) => {
    if (name === 'assignOptions') return OPTIONS;
    if (name === 'assignConversation') return (sent.push(input?.body), { ok: true });
    throw new Error(`unexpected call ${name}`);
  });
  const onDone = vi.fn();
  renderDesk(<AssignDialog id={id(50)} onClose={vi.fn()} onDone={onDone} />, call as unknown as Call);
  return { sent, onDone };
}

/** Fluent's Radio puts the test id and data attributes on its input. */
const agentRadio = (name: string) =>
  screen.getAllByTestId('assign-agent').find((el) => el.getAttribute('data-name') === name) as HTMLInputElement;

describe('assigning an open conversation (SV4)', () => {
  afterEach(cleanup);

  it('says what an assignment overrides and sends it only once the override is asked for', async () => {
    const { sent, onDone } = setup();
    await screen.findByText('capacity exceeded by 1 (4 of 3 units)');
    expect(screen.getByText('Chloe is offline')).toBeTruthy();
    expect(agentRadio('Chloe').disabled).toBe(true);
    fireEvent.click(agentRadio('Bob'));
    const submit = screen.getByTestId('assign-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('assign-override'));
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(sent).toEqual([{ kind: 'agent', agentId: id(2), override: true }]));
    expect(onDone).toHaveBeenCalled();
  });

  it('sends one that fits without an override, and a queue as a queue', async () => {
    const { sent } = setup();
    await screen.findByText('capacity exceeded by 1 (4 of 3 units)');
    fireEvent.click(agentRadio('Alice'));
    expect(screen.queryByTestId('assign-override')).toBeNull();
    fireEvent.click(screen.getByTestId('assign-submit'));
    await waitFor(() => expect(sent).toEqual([{ kind: 'agent', agentId: id(1), override: false }]));
    fireEvent.change(screen.getByTestId('assign-queue'), { target: { value: `queue:${id(9)}` } });
    fireEvent.click(screen.getByTestId('assign-submit'));
    await waitFor(() => expect(sent.at(-1)).toEqual({ kind: 'queue', queueId: id(9) }));
  });
});
