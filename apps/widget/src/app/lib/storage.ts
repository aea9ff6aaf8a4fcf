import { storedOutboxEntry, type OutboxEntry } from '@switchboard/live';

/**
 * What the widget remembers in Switchboard-origin localStorage, one record per widget id, so
 * that the chat continues on the next page that embeds the same widget.
 */
export type StoredChat = {
  token: string | null;
  conversationId: string | null;
  lastSeq: number;
  /** Whether the panel was open, so that the next page opens it again. */
  open: boolean;
  outbox: OutboxEntry[];
};

export const emptyChat: StoredChat = { token: null, conversationId: null, lastSeq: 0, open: false, outbox: [] };

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type ChatStorage = {
  readonly key: string;
  read(): StoredChat;
  update(change: (current: StoredChat) => StoredChat): StoredChat;
  /** Forgets the conversation (token, id, outbox) but keeps the panel state. */
  clearConversation(): StoredChat;
};

/** localStorage can throw (blocked storage, private modes): fall back to memory for this page. */
export function browserStore(): KeyValueStore {
  try {
    const probe = '__switchboard_probe__';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStore();
  }
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function parse(raw: string | null): StoredChat {
  if (!raw) return { ...emptyChat };
  try {
    const v = JSON.parse(raw) as Partial<StoredChat>;
    return {
      token: typeof v.token === 'string' ? v.token : null,
      conversationId: typeof v.conversationId === 'string' ? v.conversationId : null,
      lastSeq: typeof v.lastSeq === 'number' ? v.lastSeq : 0,
      open: v.open === true,
      outbox: Array.isArray(v.outbox) ? v.outbox.flatMap((i) => storedOutboxEntry(i) ?? []) : [],
    };
  } catch {
    return { ...emptyChat };
  }
}

/**
 * Every update re-reads the record first: other tabs of the same site write it too, and a
 * read-modify-write of fresh data loses the least.
 */
export function createChatStorage(widgetId: string, store: KeyValueStore = browserStore()): ChatStorage {
  const key = `switchboard:widget:${widgetId}`;
  const read = () => parse(store.getItem(key));
  const write = (value: StoredChat) => {
    try {
      store.setItem(key, JSON.stringify(value));
    } catch {
      // Quota exceeded: the chat still works for this page.
    }
    return value;
  };
  return {
    key,
    read,
    update: (change) => write(change(read())),
    clearConversation: () => write({ ...emptyChat, open: read().open }),
  };
}
