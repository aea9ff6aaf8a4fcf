import { Toaster } from '@fluentui/react-components';
import type { ConsultRequest, ConversationEvent } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../api/api';
import { CONSULT_OPTIONS, SUE, consultEvent } from '../test/consult-fixtures';
import { renderWithProviders } from '../test/render';
import { BEN, CONVERSATION, CY } from '../test/transfer-fixtures';
import { ConsultButton } from './consult-button';
import { TOASTER_ID } from './notify';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const byId = <T extends HTMLElement>(testId: string) => screen.getByTestId(testId) as T;
const radio = (row: HTMLElement) => within(row).getByRole('radio') as HTMLInputElement;
const row = (userId: string) => screen.getAllByTestId('consult-target').find((r) => r.dataset.userId === userId)!;

/** Opens the dialog from the button and waits for the options; `consult` stands for the workspace's command. */
async function open(
  consult = vi.fn(async (_id: string, _body: ConsultRequest) => {}),
  events: ConversationEvent[] = [],
) {
  renderWithProviders(
    <>
      <ConsultButton conversationId={CONVERSATION} customerName="Eve" events={events} />
      <Toaster toasterId={TOASTER_ID} />
    </>,
    { consult },
  );
  fireEvent.click(byId('consult-button'));
  await waitFor(() => expect(screen.getAllByTestId('consult-target')).toHaveLength(3));
  return consult;
}

describe('the consult dialog (AG5)', () => {
  beforeEach(() => {
    api.call.mockReset();
    api.call.mockImplementation(async (name: string, input: { params: { id: string } }) => {
      if (name === 'consultOptions' && input.params.id === CONVERSATION) return CONSULT_OPTIONS;
      throw new Error(`unexpected call ${name}`);
    });
  });
  afterEach(cleanup);

  it('lists the agents with presence and room (who cannot help disabled, with why), and the supervisors', async () => {
    await open();
    expect(byId('consult-dialog').textContent).toContain('Consult on Eve');
    expect(screen.getAllByTestId('consult-target').map((r) => [r.dataset.userId, r.dataset.available])).toEqual([
      [BEN, 'true'],
      [CY, 'false'],
      [SUE, 'true'],
    ]);
    expect(row(BEN).textContent).toContain('Available · Free capacity: 2');
    expect(radio(row(CY)).disabled).toBe(true);
    expect(row(CY).textContent).toContain('Cy Laurent is away: the workstream gives no work then');
    // A supervisor may be asked whatever their presence; their capacity is not counted.
    expect(row(SUE).textContent).toContain('Sue Supervisor');
    expect(row(SUE).textContent).toContain('Busy');
    expect(row(SUE).textContent).not.toContain('Free capacity');
    expect(radio(row(SUE)).disabled).toBe(false);
    expect(byId<HTMLButtonElement>('consult-submit').disabled).toBe(true);
  });

  it('asks the one chosen with the note, then closes and says it waits for the answer', async () => {
    const consult = await open();
    fireEvent.click(radio(row(SUE)));
    fireEvent.change(byId('consult-note'), { target: { value: '  Refund above 50 euros? ' } });
    await act(async () => void fireEvent.click(byId('consult-submit')));
    expect(consult.mock.calls).toEqual([[CONVERSATION, { userId: SUE, note: 'Refund above 50 euros?' }]]);
    await waitFor(() => expect(screen.queryByTestId('consult-dialog')).toBeNull());
    expect(await screen.findByText('Asked Sue Supervisor to consult; waiting for the answer')).toBeTruthy();
  });

  it('shows the server’s refusal inline and keeps the dialog and the note', async () => {
    const consult = vi.fn(async () => {
      throw new ApiCallError(409, { message: 'Ben Okafor has no room for more work' });
    });
    await open(consult);
    fireEvent.click(radio(row(BEN)));
    fireEvent.change(byId('consult-note'), { target: { value: 'refund?' } });
    await act(async () => void fireEvent.click(byId('consult-submit')));
    expect(byId('consult-error').textContent).toBe('Not asked: Ben Okafor has no room for more work');
    expect(byId('consult-dialog')).toBeTruthy();
    expect(byId<HTMLTextAreaElement>('consult-note').value).toBe('refund?');
    expect(byId<HTMLButtonElement>('consult-submit').disabled).toBe(false);
  });

  it('does not offer who is asked already or consults now', async () => {
    await open(undefined, [consultEvent(1, 'requested'), consultEvent(2, 'accepted')]);
    expect(row(BEN).dataset.available).toBe('false');
    expect(radio(row(BEN)).disabled).toBe(true);
    expect(row(BEN).textContent).toContain('Asked already, or consulting now');
    expect(row(SUE).dataset.available).toBe('true');
  });
});
