import { describe, expect, it } from 'vitest';
import { createChatStorage, memoryStore } from './storage.js';

describe('chat storage', () => {
  it('keeps one record per widget id and survives a new instance (a new page)', () => {
    const store = memoryStore();
    createChatStorage('demo', store).update((s) => ({ ...s, token: 't', conversationId: 'c', lastSeq: 4, open: true }));
    expect(createChatStorage('demo', store).read()).toMatchObject({
      token: 't',
      conversationId: 'c',
      lastSeq: 4,
      open: true,
    });
    expect(createChatStorage('other', store).read().token).toBeNull();
  });

  it('forgets the conversation but keeps the panel state', () => {
    const storage = createChatStorage('demo', memoryStore());
    storage.update((s) => ({ ...s, token: 't', conversationId: 'c', lastSeq: 4, open: true }));
    expect(storage.clearConversation()).toEqual({
      token: null,
      conversationId: null,
      lastSeq: 0,
      open: true,
      outbox: [],
    });
  });

  it('treats a corrupt record as empty', () => {
    const store = memoryStore();
    store.setItem('switchboard:widget:demo', '{not json');
    expect(createChatStorage('demo', store).read().conversationId).toBeNull();
  });

  it('reads back the outbox a page of the previous version left, and drops what is not a message', () => {
    const store = memoryStore();
    const older = {
      clientMessageId: 'msg-aaaa1',
      conversationId: 'c',
      text: 'hi',
      createdAt: '2025-01-01T10:00:00.000Z',
      error: null,
    };
    store.setItem(
      'switchboard:widget:demo',
      JSON.stringify({ conversationId: 'c', outbox: [older, { text: 'no id' }] }),
    );
    expect(createChatStorage('demo', store).read().outbox).toEqual([
      { ...older, createdAt: Date.parse(older.createdAt), status: 'pending', attempts: 0, nextAttemptAt: 0 },
    ]);
  });
});
