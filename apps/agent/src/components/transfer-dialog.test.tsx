import { Toaster } from '@fluentui/react-components';
import type { ConversationEvent, TransferRequest } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../api/api';
import { renderWithProviders } from '../test/render';
import { BEN, BILLING, CONVERSATION, CY, NIGHT, OPTIONS, transferEvent } from '../test/transfer-fixtures';
import { TOASTER_ID } from './notify';
import { TransferButton } from './transfer-button';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const byId = <T extends HTMLElement>(testId: string) => screen.getByTestId(testId) as T;
const radio = (row: HTMLElement) => within(row).getByRole('radio') as HTMLInputElement;
const agentRow = (agentId: string) =>
  screen.getAllByTestId('transfer-agent').find((r) => r.dataset.agentId === agentId)!;
const queueRow = (queueId: string) =>
  screen.getAllByTestId('transfer-queue').find((r) => r.dataset.queueId === queueId)!;

/** Opens the dialog from the button and waits for the options; `transfer` stands for the workspace's command. */
async function open(
  transfer = vi.fn(async (_id: string, _body: TransferRequest) => {}),
  events: ConversationEvent[] = [],
) {
  renderWithProviders(
    <>
      <TransferButton conversationId={CONVERSATION} customerName="Eve" events={events} />
      <Toaster toasterId={TOASTER_ID} />
    </>,
    { transfer },
  );
  fireEvent.click(byId('transfer-button'));
  await waitFor(() => expect(screen.getAllByTestId('transfer-agent')).toHaveLength(2));
  return transfer;
}

describe('the transfer dialog (AG5)', () => {
  beforeEach(() => {
    api.call.mockReset();
    api.call.mockImplementation(async (name: string, input: { params: { id: string } }) => {
      if (name === 'transferOptions' && input.params.id === CONVERSATION) return OPTIONS;
      throw new Error(`unexpected call ${name}`);
    });
  });
  afterEach(cleanup);

  it('lists the agents with presence and free capacity; one who cannot take it is disabled, with why', async () => {
    await open();
    expect(screen.getByTestId('transfer-dialog').textContent).toContain('Transfer Eve');
    expect(screen.getAllByTestId('transfer-agent').map((r) => [r.dataset.agentId, r.dataset.available])).toEqual([
      [BEN, 'true'],
      [CY, 'false'],
    ]);
    expect(agentRow(BEN).textContent).toContain('Ben Okafor');
    expect(agentRow(BEN).textContent).toContain('Available · Free capacity: 2');
    expect(radio(agentRow(BEN)).disabled).toBe(false);
    expect(radio(agentRow(CY)).disabled).toBe(true);
    expect(agentRow(CY).textContent).toContain('Away · Free capacity: 3');
    expect(agentRow(CY).textContent).toContain('Cy Laurent is away: the workstream gives no work then');
    expect(byId<HTMLButtonElement>('transfer-submit').disabled).toBe(true);
  });

  it('asks the chosen agent with the note, then closes and says it waits for the answer', async () => {
    const transfer = await open();
    fireEvent.click(radio(agentRow(BEN)));
    fireEvent.change(byId('transfer-note'), { target: { value: '  Billing question, you know this one ' } });
    await act(async () => void fireEvent.click(byId('transfer-submit')));
    expect(transfer.mock.calls).toEqual([
      [CONVERSATION, { kind: 'agent', agentId: BEN, note: 'Billing question, you know this one' }],
    ]);
    await waitFor(() => expect(screen.queryByTestId('transfer-dialog')).toBeNull());
    expect(await screen.findByText('Transfer to Ben Okafor asked; waiting for the answer')).toBeTruthy();
  });

  it('lists every other queue, closed ones marked, and sends to the one chosen', async () => {
    const transfer = await open();
    fireEvent.click(byId('transfer-kind-queue'));
    expect(screen.getAllByTestId('transfer-queue').map((r) => [r.dataset.queueId, r.dataset.open])).toEqual([
      [BILLING, 'true'],
      [NIGHT, 'false'],
    ]);
    expect(queueRow(NIGHT).textContent).toContain('Closed now');
    expect(queueRow(BILLING).textContent).toContain('Open');
    fireEvent.click(radio(queueRow(BILLING)));
    await act(async () => void fireEvent.click(byId('transfer-submit')));
    expect(transfer.mock.calls).toEqual([[CONVERSATION, { kind: 'queue', queueId: BILLING, note: '' }]]);
    expect(await screen.findByText('Sent to the Billing queue')).toBeTruthy();
  });

  it('shows the server’s refusal inline and keeps the dialog and the note', async () => {
    const transfer = vi.fn(async () => {
      throw new ApiCallError(409, { message: 'a transfer of this conversation already waits for an answer' });
    });
    await open(transfer);
    fireEvent.click(radio(agentRow(BEN)));
    fireEvent.change(byId('transfer-note'), { target: { value: 'over to you' } });
    await act(async () => void fireEvent.click(byId('transfer-submit')));
    expect(byId('transfer-error').textContent).toBe(
      'Not transferred: a transfer of this conversation already waits for an answer',
    );
    expect(byId('transfer-dialog')).toBeTruthy();
    expect(byId<HTMLTextAreaElement>('transfer-note').value).toBe('over to you');
    expect(byId<HTMLButtonElement>('transfer-submit').disabled).toBe(false);
  });

  it('waits for the answer while a transfer is asked', () => {
    renderWithProviders(
      <TransferButton conversationId={CONVERSATION} customerName="Eve" events={[transferEvent(4, 'requested')]} />,
    );
    const button = byId<HTMLButtonElement>('transfer-button');
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('Waiting for Ben Okafor to answer the transfer');
  });
});
