import type { ConversationEvent } from '@switchboard/protocol';
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { newOutboxEntry } from '@switchboard/live';
import { useOutbox } from '../state/outbox-store';
import { renderWithProviders } from '../test/render';
import { MessageList } from './message-list';

const ID = '00000000-0000-4000-8000-0000000000d1';
const at = '2025-01-01T10:00:00.000Z';

const customer: ConversationEvent = {
  type: 'message',
  conversationId: ID,
  seq: 1,
  at,
  message: {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'customer',
    text: 'My printer broke',
    authorId: null,
    authorName: 'Eve',
    clientMessageId: null,
    at,
  },
};
const accepted: ConversationEvent = {
  type: 'accepted',
  conversationId: ID,
  seq: 2,
  at,
  agentId: '00000000-0000-4000-8000-0000000000a1',
  agentName: 'Bob',
};
const sentNote: ConversationEvent = {
  type: 'message',
  conversationId: ID,
  seq: 3,
  at,
  message: {
    id: '00000000-0000-4000-8000-000000000003',
    kind: 'note',
    text: 'Check the fuser',
    authorId: null,
    authorName: 'Bob',
    clientMessageId: 'cmid-note-1',
    at,
  },
};

const kinds = () =>
  screen.getAllByTestId('message').map((m) => `${m.dataset.kind}${m.dataset.pending ? ' (pending)' : ''}`);

describe('MessageList', () => {
  afterEach(() => {
    cleanup();
    useOutbox.setState({ entries: [] });
  });

  it('shows customer messages, system lines and labelled internal notes', () => {
    renderWithProviders(<MessageList conversationId={ID} events={[customer, accepted, sentNote]} />);
    expect(kinds()).toEqual(['customer', 'system', 'note']);
    const note = screen.getAllByTestId('message')[2]!;
    expect(note.textContent).toContain('Internal note');
    expect(note.textContent).toContain('Check the fuser');
    expect(screen.getAllByTestId('message')[1]!.textContent).toBe('Bob accepted the conversation');
  });

  it('shows an unsent message as pending until the history has it, never twice', () => {
    act(() =>
      useOutbox
        .getState()
        .add(
          newOutboxEntry(
            { clientMessageId: 'cmid-note-1', conversationId: ID, text: 'Check the fuser', internal: true },
            Date.now(),
          ),
        ),
    );
    const view = renderWithProviders(<MessageList conversationId={ID} events={[customer]} />);
    expect(kinds()).toEqual(['customer', 'note (pending)']);
    view.rerender(<MessageList conversationId={ID} events={[customer, accepted, sentNote]} />);
    expect(kinds()).toEqual(['customer', 'system', 'note']);
  });

  it('shows a refused message as failed with the server message', () => {
    act(() =>
      useOutbox.getState().add({
        ...newOutboxEntry(
          { clientMessageId: 'cmid-x', conversationId: ID, text: 'Too late', internal: false },
          Date.now(),
        ),
        status: 'failed',
        error: 'this conversation has ended',
      }),
    );
    renderWithProviders(<MessageList conversationId={ID} events={[customer]} />);
    const failed = screen.getAllByTestId('message')[1]!;
    expect(failed.dataset.failed).toBe('true');
    expect(failed.dataset.pending).toBeUndefined();
    expect(screen.getByRole('alert').textContent).toBe('Not sent: this conversation has ended');
  });
});
