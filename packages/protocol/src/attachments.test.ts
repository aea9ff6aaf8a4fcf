import { describe, expect, it } from 'vitest';
import { AttachmentSettings, SERVER_MAX_ATTACHMENT_BYTES } from './attachments.js';
import { SendMessageRequest } from './messages.js';
import { MessageEvent } from './events.js';

const problem = (input: unknown) => {
  const r = AttachmentSettings.safeParse(input);
  return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
};

describe("the admin's attachment limits (AG4)", () => {
  it.each([
    [{ maxBytes: 5 * 1024 * 1024, types: ['image/png', 'application/pdf'] }, null],
    [{ maxBytes: SERVER_MAX_ATTACHMENT_BYTES, types: [] }, null],
    [{ maxBytes: SERVER_MAX_ATTACHMENT_BYTES + 1, types: [] }, "maxBytes: is over the server's cap of 25 MiB"],
    [{ maxBytes: 10, types: [] }, 'maxBytes: is below 1 KB'],
    [{ maxBytes: 2048.5, types: [] }, 'maxBytes: is not a whole number'],
    [{ maxBytes: 2048, types: ['application/zip'] }, 'types.0: is not a type the server recognises'],
    [{ maxBytes: 2048, types: ['text/plain', 'text/plain'] }, 'types: lists a type twice'],
  ])('%j -> %s', (input, want) => {
    const got = problem(input);
    if (want === null) expect(got).toBeNull();
    else expect(got).toContain(want);
  });
});

describe('messages with files', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  it('may have no text when they carry a file, and must have one of the two', () => {
    expect(SendMessageRequest.safeParse({ clientMessageId: 'abcdefgh', text: '', attachmentIds: [id] }).success).toBe(
      true,
    );
    const none = SendMessageRequest.safeParse({ clientMessageId: 'abcdefgh', text: '' });
    expect(none.error?.issues[0]?.message).toBe('message text is empty and it carries no attachment');
    const twice = SendMessageRequest.safeParse({ clientMessageId: 'abcdefgh', text: 'x', attachmentIds: [id, id] });
    expect(twice.error?.issues[0]?.message).toBe('lists an attachment twice');
  });

  it('keeps events stored before attachments valid', () => {
    const old = {
      type: 'message',
      conversationId: id,
      seq: 1,
      at: '2026-01-01T00:00:00.000Z',
      message: {
        id,
        kind: 'customer',
        text: 'hi',
        authorId: null,
        authorName: 'Eve',
        clientMessageId: null,
        at: '2026-01-01T00:00:00.000Z',
      },
    };
    expect(MessageEvent.parse(old).message.attachments).toBeUndefined();
  });
});
