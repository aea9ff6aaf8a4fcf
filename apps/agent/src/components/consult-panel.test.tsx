import type { ConversationEvent, Participant } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyEvents, emptySequence } from '@switchboard/live';
import { useAuth } from '../state/auth-store';
import type { TimelineSync } from '../state/timeline-sync';
import { resetTimelines, timelinesPort } from '../state/timelines-store';
import { SUMMARY, ben, consultEvent } from '../test/consult-fixtures';
import { alice } from '../test/outbound-fixtures';
import { renderWithProviders } from '../test/render';
import { bindTestWorkspace } from '../test/workspace-fixtures';
import { BEN, CONVERSATION } from '../test/transfer-fixtures';
import { ConversationPanel } from './conversation-panel';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const participants: Participant[] = [
  { role: 'primary', userId: alice.id, name: alice.name, joinedAt: SUMMARY.acceptedAt!, leftAt: null },
  { role: 'consultant', userId: BEN, name: 'Ben Okafor', joinedAt: SUMMARY.acceptedAt!, leftAt: null },
];

/** Alice's chat with Eve in the timelines store, with this history. */
function history(events: ConversationEvent[]) {
  const seq = applyEvents(emptySequence<ConversationEvent>(), events).state;
  act(() =>
    timelinesPort.set(CONVERSATION, {
      status: 'ready',
    callback: null,
      summary: SUMMARY,
      prechat: null,
      wrapUp: { dispositionCodeId: null, dispositionName: null, note: '' },
      seq,
    }),
  );
}

function show(services: Record<string, unknown> = {}) {
  const all = {
    sync: { load: vi.fn(async () => {}) } as unknown as TimelineSync,
    send: vi.fn(),
    emitTyping: vi.fn(),
    ...services,
  };
  renderWithProviders(<ConversationPanel id={CONVERSATION} />, all);
  return all;
}

const byId = <T extends HTMLElement>(testId: string) => screen.getByTestId(testId) as T;
const joined = [consultEvent(1, 'requested', { note: 'refund?' }), consultEvent(2, 'accepted')];

beforeEach(() => {
  api.call.mockReset();
  api.call.mockImplementation(async (name: string) => {
    if (name === 'listQuickReplies') return [];
    if (name === 'getConversation') return { ...SUMMARY, participants, prechat: null, context: {}, events: [] };
    throw new Error(`unexpected call ${name}`);
  });
});
// Drafts live in the workspace (AG3): the composer types into one on a fake server.
let workspace: ReturnType<typeof bindTestWorkspace>;
beforeEach(() => {
  workspace = bindTestWorkspace();
});
afterEach(() => {
  workspace.unbind();
  cleanup();
  resetTimelines();
  useAuth.getState().signOut();
});

describe('the consultant’s view (AG5)', () => {
  beforeEach(() => useAuth.getState().signIn('token', ben));

  it('says I consult, notes only: the composer writes notes, and the agent’s commands are not mine', () => {
    history(joined);
    const services = show();
    expect(byId('consult-banner').textContent).toContain('You are consulting — notes only');
    expect(byId('consult-banner').textContent).toContain('Alice Martin is the agent of this conversation.');
    for (const testId of ['transfer-button', 'consult-button', 'end-conversation', 'consultant-permission'])
      expect(screen.queryByTestId(testId)).toBeNull();
    const toggle = byId<HTMLInputElement>('composer-note-toggle');
    expect([toggle.checked, toggle.disabled]).toEqual([true, true]);
    fireEvent.change(byId('composer-input'), { target: { value: 'Refund is fine up to 50 euros' } });
    fireEvent.click(byId('composer-send'));
    expect(services.send).toHaveBeenCalledWith({
      conversationId: CONVERSATION,
      text: 'Refund is fine up to 50 euros',
      internal: true,
    });
    expect(services.emitTyping).not.toHaveBeenCalledWith(CONVERSATION, true);
  });

  it('once allowed, may switch the note off and write to the customer; back to notes when the primary says so', () => {
    history(joined);
    const services = show();
    history([...joined, consultEvent(3, 'may-message-customer')]);
    expect(byId('consult-banner').textContent).toContain('You are consulting — you may write to the customer');
    const toggle = byId<HTMLInputElement>('composer-note-toggle');
    // Still a note by default, but now mine to switch off.
    expect([toggle.checked, toggle.disabled]).toEqual([true, false]);
    act(() => void fireEvent.click(toggle));
    fireEvent.change(byId('composer-input'), { target: { value: 'Hi Eve, Ben here' } });
    fireEvent.click(byId('composer-send'));
    expect(services.send).toHaveBeenCalledWith({
      conversationId: CONVERSATION,
      text: 'Hi Eve, Ben here',
      internal: false,
    });
    history([...joined, consultEvent(3, 'may-message-customer'), consultEvent(4, 'notes-only')]);
    expect([toggle.checked, toggle.disabled]).toEqual([true, true]);
  });

  it('leaves with the Leave button', async () => {
    history(joined);
    const leaveConsult = vi.fn(async () => {});
    show({ leaveConsult });
    await act(async () => void fireEvent.click(byId('consult-leave')));
    expect(leaveConsult).toHaveBeenCalledWith(CONVERSATION);
  });
});

describe('the primary agent’s view of consultants (AG5)', () => {
  beforeEach(() => useAuth.getState().signIn('token', alice));
  const permission = () => byId<HTMLInputElement>('consultant-permission');

  it('has Transfer and Consult, no banner, and nobody to allow before someone joins', () => {
    history([consultEvent(1, 'requested')]);
    show();
    expect(byId('transfer-button')).toBeTruthy();
    expect(byId('consult-button')).toBeTruthy();
    expect(screen.queryByTestId('consult-banner')).toBeNull();
    expect(screen.queryByTestId('consultant-permission')).toBeNull();
    const toggle = byId<HTMLInputElement>('composer-note-toggle');
    expect([toggle.checked, toggle.disabled]).toEqual([false, false]);
  });

  it('lets a consultant write to the customer and back, each as the history says', async () => {
    history(joined);
    const setConsultantPermission = vi.fn(async () => {});
    show({ setConsultantPermission });
    await waitFor(() => expect(permission().dataset.userId).toBe(BEN));
    expect(byId('consultants').textContent).toContain('Ben Okafor');
    expect([permission().checked, permission().disabled]).toEqual([false, false]);
    await act(async () => void fireEvent.click(permission()));
    expect(setConsultantPermission).toHaveBeenCalledWith(CONVERSATION, BEN, true);
    history([...joined, consultEvent(3, 'may-message-customer')]);
    expect(permission().checked).toBe(true);
    await act(async () => void fireEvent.click(permission()));
    expect(setConsultantPermission).toHaveBeenLastCalledWith(CONVERSATION, BEN, false);
    history([...joined, consultEvent(3, 'may-message-customer'), consultEvent(4, 'left')]);
    expect(screen.queryByTestId('consultant-permission')).toBeNull();
  });
});
