import type { ConversationEvent, MessageKind } from '@switchboard/protocol';
import { screen, within } from '@testing-library/react';

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A message event of conversation 50, numbered `n` (its message id is id(n)). */
export const message = (n: number, kind: MessageKind, text: string): ConversationEvent => ({
  conversationId: id(50),
  seq: n,
  at: '2026-05-01T10:00:00.000Z',
  type: 'message',
  message: {
    id: id(n),
    kind,
    text,
    authorId: null,
    authorName: kind === 'customer' ? 'Karel' : 'Ann',
    clientMessageId: null,
    at: '2026-05-01T10:00:00.000Z',
  },
});

export const EVENTS = [
  message(1, 'customer', 'Where is my order?'),
  message(2, 'agent', 'Let me look.'),
  message(3, 'customer', 'This is terrible, still nothing!'),
  message(4, 'note', 'Refund due'),
];

/** Each shown message: its kind, and its sentiment badge's level and words (null: none). */
export const badges = () =>
  screen.getAllByTestId('monitor-message').map((el) => {
    const badge = within(el).queryByTestId('message-sentiment');
    return [el.getAttribute('data-kind'), badge?.getAttribute('data-level') ?? null, badge?.textContent ?? null];
  });
