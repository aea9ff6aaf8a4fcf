import type { ConversationSummary, DispositionCode, WrapUp } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../api/api';
import { useAuth } from '../state/auth-store';
import { resetTimelines, timelinesPort } from '../state/timelines-store';
import { alice, id } from '../test/outbound-fixtures';
import { renderWithProviders } from '../test/render';
import { WrapUpSection } from './wrap-up-form';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const CONVERSATION = id(401);
const RESOLVED = id(71);
const FOLLOW_UP = id(72);
const CALLBACK = id(73);
// As an admin is answered: the retired code too; the form offers only the active ones.
const CODES: DispositionCode[] = [
  { id: FOLLOW_UP, name: 'Follow-up needed', active: true },
  { id: RESOLVED, name: 'Resolved', active: true },
  { id: CALLBACK, name: 'Callback requested', active: false },
];
const NOTHING: WrapUp = { dispositionCodeId: null, dispositionName: null, note: '' };

function summary(state: ConversationSummary['state'], agentId = alice.id): ConversationSummary {
  return {
    id: CONVERSATION,
    channel: 'webchat',
    channelId: null,
    customerAddress: null,
    state,
    queueId: null,
    queueName: 'Support',
    agentId,
    agentName: 'Alice Martin',
    customerName: 'Eve',
    customerEmail: null,
    firstMessage: 'My invoice is wrong',
    createdAt: '2025-01-01T10:00:00.000Z',
    acceptedAt: '2025-01-01T10:00:05.000Z',
    endedAt: state === 'wrap-up' || state === 'closed' ? '2025-01-01T10:09:00.000Z' : null,
    closedAt: state === 'closed' ? '2025-01-01T10:10:00.000Z' : null,
    lastSeq: 4,
    callbackId: null,
  };
}

/** A server that keeps what is saved, as `saveWrapUp` answers it (the note trimmed, the code named). */
function serve() {
  api.call.mockImplementation(
    async (name: string, input?: { body?: { dispositionCodeId: string | null; note: string } }) => {
      if (name === 'listDispositionCodes') return CODES;
      if (name === 'saveWrapUp') {
        const { dispositionCodeId, note } = input!.body!;
        if (dispositionCodeId === CALLBACK && note.includes('refuse'))
          throw new ApiCallError(400, { message: 'the disposition code "Callback requested" is retired' });
        return {
          dispositionCodeId,
          dispositionName: CODES.find((c) => c.id === dispositionCodeId)?.name ?? null,
          note: note.trim(),
        } satisfies WrapUp;
      }
      throw new Error(`unexpected call ${name}`);
    },
  );
}

const calls = (name: string) => api.call.mock.calls.filter(([n]) => n === name).map(([, input]) => input);
const select = () => screen.getByTestId('wrapup-code') as HTMLSelectElement;
const note = () => screen.getByTestId('wrapup-note') as HTMLTextAreaElement;
const save = () => screen.getByTestId('wrapup-save') as HTMLButtonElement;
const options = () => [...select().options].map((o) => o.textContent);

function show(state: ConversationSummary['state'], saved: WrapUp = NOTHING, agentId = alice.id) {
  const c = summary(state, agentId);
  // The panel's timeline, which a save updates so the panel shows it when it comes back.
  timelinesPort.set(CONVERSATION, {
    status: 'ready',
    callback: null,
    summary: c,
    prechat: null,
    wrapUp: saved,
    seq: { events: [], lastSeq: 0 } as never,
  });
  return renderWithProviders(<WrapUpSection conversationId={CONVERSATION} summary={c} saved={saved} />);
}

beforeEach(() => {
  api.call.mockReset();
  serve();
  resetTimelines();
  useAuth.getState().signIn('token', alice);
});
afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

describe('wrap-up form (AG4)', () => {
  it('is open at wrap-up: the primary agent picks an active code, writes a note and saves them', async () => {
    show('wrap-up');
    expect(screen.getByTestId('wrapup-form').getAttribute('data-open')).toBe('true');
    await waitFor(() => expect(options()).toEqual(['No disposition', 'Follow-up needed', 'Resolved']));
    expect(save().disabled).toBe(true);

    fireEvent.change(select(), { target: { value: RESOLVED } });
    fireEvent.change(note(), { target: { value: '  Refund promised\nby Friday ' } });
    expect(screen.getByTestId('wrapup-status').textContent).toBe('Not saved yet');
    await act(async () => void fireEvent.click(save()));

    expect(calls('saveWrapUp')).toEqual([
      { params: { id: CONVERSATION }, body: { dispositionCodeId: RESOLVED, note: '  Refund promised\nby Friday ' } },
    ]);
    const entry = timelinesPort.get(CONVERSATION);
    expect(entry?.status === 'ready' && entry.wrapUp).toEqual({
      dispositionCodeId: RESOLVED,
      dispositionName: 'Resolved',
      note: 'Refund promised\nby Friday',
    });
  });

  it('shows what was saved when the conversation comes back, and is saved again only once changed', async () => {
    const saved: WrapUp = { dispositionCodeId: RESOLVED, dispositionName: 'Resolved', note: 'Refund promised' };
    show('wrap-up', saved);
    await waitFor(() => expect(select().value).toBe(RESOLVED));
    expect(note().value).toBe('Refund promised');
    expect(screen.getByTestId('wrapup-status').textContent).toBe('Saved');
    expect(save().disabled).toBe(true);
    fireEvent.change(select(), { target: { value: '' } });
    expect(save().disabled).toBe(false);
    await act(async () => void fireEvent.click(save()));
    expect(calls('saveWrapUp')[0]).toMatchObject({ body: { dispositionCodeId: null, note: 'Refund promised' } });
  });

  it('is folded away while the conversation is active, and opens on request', async () => {
    show('active');
    expect(screen.getByTestId('wrapup-form').getAttribute('data-open')).toBe('false');
    expect(screen.queryByTestId('wrapup-code')).toBeNull();
    expect(calls('listDispositionCodes')).toEqual([]);
    fireEvent.click(screen.getByTestId('wrapup-toggle'));
    await waitFor(() => expect(options()).toContain('Resolved'));
  });

  it('keeps a code retired since it was saved, marked, so the note can still change', async () => {
    const saved: WrapUp = { dispositionCodeId: CALLBACK, dispositionName: 'Callback requested', note: 'Monday' };
    show('wrap-up', saved);
    await waitFor(() =>
      expect(options()).toEqual(['No disposition', 'Follow-up needed', 'Resolved', 'Callback requested (retired)']),
    );
    expect(select().value).toBe(CALLBACK);
    fireEvent.change(note(), { target: { value: 'Monday 9:00' } });
    await act(async () => void fireEvent.click(save()));
    expect(calls('saveWrapUp')[0]).toMatchObject({ body: { dispositionCodeId: CALLBACK, note: 'Monday 9:00' } });
    expect(screen.queryByTestId('wrapup-error')).toBeNull();
  });

  it("shows the server's refusal and keeps what the agent wrote", async () => {
    const saved: WrapUp = { dispositionCodeId: CALLBACK, dispositionName: 'Callback requested', note: '' };
    show('wrap-up', saved);
    await waitFor(() => expect(select().value).toBe(CALLBACK));
    fireEvent.change(note(), { target: { value: 'refuse this' } });
    await act(async () => void fireEvent.click(save()));
    expect((await screen.findByTestId('wrapup-error')).textContent).toContain('is retired');
    expect(note().value).toBe('refuse this');
  });

  it('is read only once closed, or for anyone but the primary agent; nothing shows when nothing was saved', () => {
    const saved: WrapUp = { dispositionCodeId: RESOLVED, dispositionName: 'Resolved', note: 'Refund promised' };
    const { unmount } = show('closed', saved);
    expect(screen.queryByTestId('wrapup-form')).toBeNull();
    expect(screen.getByTestId('wrapup-view-code').textContent).toBe('Resolved');
    expect(screen.getByTestId('wrapup-view-note').textContent).toBe('Refund promised');
    unmount();

    const other = show('wrap-up', { ...saved, dispositionCodeId: null, dispositionName: null }, id(12));
    expect(screen.queryByTestId('wrapup-form')).toBeNull();
    expect(screen.getByTestId('wrapup-view-code').textContent).toBe('No disposition');
    other.unmount();

    show('closed');
    expect(screen.queryByTestId('wrapup-view')).toBeNull();
    expect(api.call).not.toHaveBeenCalled();
  });
});
