import { randomUUID } from 'node:crypto';
import type { Actor, Message, MessageKind } from '@switchboard/protocol';

export const newMessage = (
  kind: MessageKind,
  text: string,
  authorId: string | null,
  authorName: string,
  clientMessageId: string | null,
  at: Date,
): Message => ({
  id: randomUUID(),
  kind,
  text,
  authorId,
  authorName,
  clientMessageId,
  at: at.toISOString(),
});

export const SYSTEM: Actor = { type: 'system', id: null, name: 'Switchboard' };
