import type { ConversationList, CustomerSentiment, CustomerSentimentChanged } from '@switchboard/protocol';
import { create } from 'zustand';

type SentimentState = {
  /** By conversation: the customer sentiment of a conversation I hold, as last heard. */
  heard: Record<string, CustomerSentiment>;
  /** What a read said of one conversation: its sentiment, or none (not mine, not scored, off). */
  read(conversationId: string, sentiment: CustomerSentiment | undefined): void;
  /** Each row of a page of my ongoing list. */
  readList(page: ConversationList): void;
  /** Pushed on my socket when the level moves (SV8). */
  pushed(changed: CustomerSentimentChanged): void;
  clear(): void;
};

const withEntry = (heard: Record<string, CustomerSentiment>, id: string, value: CustomerSentiment | undefined) => {
  const { [id]: _old, ...rest } = heard;
  return value ? { ...rest, [id]: value } : rest;
};

/**
 * The customer sentiment of the conversations I hold (SV8), from whichever said it last: a read
 * of the conversation or of my list, or the server's push when it moves. The session tab and the
 * list item show their mark from here.
 */
export const useSentiments = create<SentimentState>((set) => ({
  heard: {},
  read: (id, sentiment) => set((s) => ({ heard: withEntry(s.heard, id, sentiment) })),
  readList: (page) =>
    set((s) => ({
      heard: page.conversations.reduce((heard, c) => withEntry(heard, c.id, c.customerSentiment), s.heard),
    })),
  pushed: ({ conversationId, level, low }) =>
    set((s) => ({ heard: withEntry(s.heard, conversationId, { level, low }) })),
  clear: () => set({ heard: {} }),
}));
