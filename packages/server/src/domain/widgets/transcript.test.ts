import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '@switchboard/protocol';
import { transcriptFileName, transcriptText } from './transcript.js';

const message = (seq: number, kind: 'customer' | 'agent' | 'note', authorName: string, text: string) =>
  ({
    type: 'message',
    seq,
    at: '2026-12-04T09:0' + seq + ':00.000Z',
    message: {
      id: `00000000-0000-4000-8000-00000000000${seq}`,
      kind,
      text,
      authorId: null,
      authorName,
      clientMessageId: null,
      at: '2026-12-04T09:0' + seq + ':00.000Z',
    },
  }) as unknown as ConversationEvent;

describe('the customer transcript (CH1)', () => {
  const started = new Date('2026-12-04T09:00:00Z');
  it('lists the messages with time and author, lines indented, never a note', () => {
    const text = transcriptText({ title: 'Chat transcript', startedAt: started }, [
      message(1, 'customer', 'Eve', 'Hello'),
      message(2, 'note', 'Ann', 'internal remark'),
      message(3, 'agent', 'Ann', 'Hi Eve\nHow can I help?'),
    ]);
    expect(text).toBe(
      [
        'Chat transcript',
        'Started 2026-12-04 09:00 UTC',
        '',
        '[2026-12-04 09:01 UTC] Eve: Hello',
        '[2026-12-04 09:03 UTC] Ann: Hi Eve',
        '    How can I help?',
        '',
      ].join('\n'),
    );
    expect(transcriptFileName(started)).toBe('chat-transcript-2026-12-04.txt');
  });
});
