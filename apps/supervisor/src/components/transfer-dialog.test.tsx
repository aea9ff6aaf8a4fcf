import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../api/api';
import { renderDesk } from '../test/render';
import { TransferDialog } from './transfer-dialog';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe("a supervisor transfers an agent's conversation (SV5)", () => {
  afterEach(cleanup);

  it('offers the members who can take it, says why the others cannot, and sends the choice', async () => {
    const sent: unknown[] = [];
    const call = vi.fn(async (name: string, input?: { body?: unknown }) => {
      if (name === 'supervisorTransferOptions')
        return {
          agents: [
            { agentId: id(1), name: 'Ben', presence: 'available', freeUnits: 2, available: true, reason: null },
            { agentId: id(2), name: 'Cy', presence: 'away', freeUnits: 2, available: false, reason: 'Cy is away' },
          ],
          queues: [],
        };
      if (name === 'supervisorTransfer') return (sent.push(input?.body), { ok: true });
      throw new Error(`unexpected call ${name}`);
    });
    const onDone = vi.fn();
    renderDesk(<TransferDialog id={id(50)} onClose={vi.fn()} onDone={onDone} />, call as unknown as Call);
    await screen.findByText('Cy is away');
    const radio = (name: string) =>
      screen.getAllByTestId('transfer-agent').find((el) => el.getAttribute('data-name') === name) as HTMLInputElement;
    expect(radio('Cy').disabled).toBe(true);
    expect((screen.getByTestId('transfer-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(radio('Ben'));
    fireEvent.change(screen.getByTestId('transfer-note'), { target: { value: 'a refund question' } });
    fireEvent.click(screen.getByTestId('transfer-submit'));
    await waitFor(() => expect(sent).toEqual([{ agentId: id(1), note: 'a refund question' }]));
    expect(onDone).toHaveBeenCalled();
  });
});
