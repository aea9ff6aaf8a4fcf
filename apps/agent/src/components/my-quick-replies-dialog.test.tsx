import type { NewQuickReply, QuickReply } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../api/api';
import { id } from '../test/outbound-fixtures';
import { GREETING, MY_THANKS } from '../test/quick-reply-fixtures';
import { renderWithProviders } from '../test/render';
import { MyQuickRepliesButton } from './my-quick-replies-button';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

/** A server holding the organisation's greeting and Alice's own quick replies, changed by her calls. */
function serve() {
  let replies: QuickReply[] = [GREETING, MY_THANKS];
  const saved = (reply: NewQuickReply, n: string): QuickReply => ({
    ...reply,
    id: n,
    scope: 'personal',
    updatedAt: '2026-03-02T09:00:00.000Z',
  });
  api.call.mockImplementation(async (name: string, input?: { params?: { id: string }; body?: NewQuickReply }) => {
    if (name === 'listQuickReplies') return replies;
    if (name === 'createQuickReply') {
      if (input!.body!.bodies.en?.includes('{orderId}'))
        throw new ApiCallError(400, { message: 'the en text names {orderId}, which is not a placeholder' });
      replies = [...replies, saved(input!.body!, id(95))];
      return replies.at(-1);
    }
    if (name === 'updateQuickReply') {
      replies = replies.map((q) => (q.id === input!.params!.id ? saved(input!.body!, q.id) : q));
      return replies.find((q) => q.id === input!.params!.id);
    }
    if (name === 'deleteQuickReply') {
      replies = replies.filter((q) => q.id !== input!.params!.id);
      return { ok: true };
    }
    throw new Error(`unexpected call ${name}`);
  });
}
const calls = (name: string) => api.call.mock.calls.filter(([n]) => n === name).map(([, input]) => input);
const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const mine = () => screen.queryAllByTestId('my-quick-reply').map((r) => r.getAttribute('data-title'));

async function open() {
  renderWithProviders(<MyQuickRepliesButton />);
  fireEvent.click(screen.getByTestId('my-quick-replies-open'));
  await waitFor(() => expect(mine()).toEqual(['Thanks']));
}

describe('my quick replies (AG4)', () => {
  beforeEach(() => {
    api.call.mockReset();
    serve();
  });
  afterEach(cleanup);

  it("lists only the agent's own, and adds one in the languages written", async () => {
    await open();
    fireEvent.click(screen.getByTestId('my-quick-reply-new'));
    const save = screen.getByTestId('quick-reply-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    change('quick-reply-title', ' Callback ');
    expect(save.disabled).toBe(true);
    change('quick-reply-body-fr', 'Je vous rappelle, {customerName}.');
    change('quick-reply-body-nl', '   ');
    expect(save.disabled).toBe(false);
    await act(async () => void fireEvent.click(save));
    expect(calls('createQuickReply')).toEqual([
      { body: { title: 'Callback', bodies: { fr: 'Je vous rappelle, {customerName}.' } } },
    ]);
    await waitFor(() => expect(mine()).toEqual(['Thanks', 'Callback']));
  });

  it('changes one, its texts filled in', async () => {
    await open();
    fireEvent.click(screen.getByTestId('my-quick-reply-edit'));
    expect((screen.getByTestId('quick-reply-title') as HTMLInputElement).value).toBe('Thanks');
    expect((screen.getByTestId('quick-reply-body-nl') as HTMLTextAreaElement).value).toBe(MY_THANKS.bodies.nl);
    change('quick-reply-title', 'Thank you');
    change('quick-reply-body-nl', '');
    await act(async () => void fireEvent.click(screen.getByTestId('quick-reply-save')));
    expect(calls('updateQuickReply')).toEqual([
      { params: { id: MY_THANKS.id }, body: { title: 'Thank you', bodies: { en: MY_THANKS.bodies.en } } },
    ]);
    await waitFor(() => expect(mine()).toEqual(['Thank you']));
  });

  it('deletes one only once the agent confirms', async () => {
    await open();
    fireEvent.click(screen.getByTestId('my-quick-reply-delete'));
    expect(calls('deleteQuickReply')).toEqual([]);
    expect(screen.getByTestId('my-quick-reply-delete').textContent).toBe('Really delete');
    await act(async () => void fireEvent.click(screen.getByTestId('my-quick-reply-delete')));
    expect(calls('deleteQuickReply')).toEqual([{ params: { id: MY_THANKS.id } }]);
    await waitFor(() => expect(mine()).toEqual([]));
    expect(screen.getByText('You have no quick replies of your own yet.')).toBeTruthy();
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    await open();
    fireEvent.click(screen.getByTestId('my-quick-reply-new'));
    change('quick-reply-title', 'Order');
    change('quick-reply-body-en', 'Your order {orderId}');
    await act(async () => void fireEvent.click(screen.getByTestId('quick-reply-save')));
    expect(screen.getByTestId('my-quick-replies-error').textContent).toBe(
      'Not saved: the en text names {orderId}, which is not a placeholder',
    );
    expect((screen.getByTestId('quick-reply-body-en') as HTMLTextAreaElement).value).toBe('Your order {orderId}');
  });
});
