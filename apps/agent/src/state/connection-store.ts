import {
  connectionChanged,
  initialConnection,
  type ConnectionState as Connection,
  type ConnectionStatus,
} from '@switchboard/live';
import { create } from 'zustand';

type Typing = { name: string; at: number };

type ConnectionState = Connection & {
  /** The customer's last "is typing" signal per conversation. */
  typing: Record<string, Typing>;
  setStatus(status: ConnectionStatus): void;
  setTyping(conversationId: string, name: string, isTyping: boolean, now?: number): void;
  reset(): void;
};

export const useConnection = create<ConnectionState>((set) => ({
  ...initialConnection,
  typing: {},
  setStatus(status) {
    set((s) => connectionChanged(s, status));
  },
  setTyping(conversationId, name, isTyping, now = Date.now()) {
    set((s) => {
      const { [conversationId]: _old, ...rest } = s.typing;
      return { typing: isTyping ? { ...rest, [conversationId]: { name, at: now } } : rest };
    });
  },
  reset() {
    set({ ...initialConnection, typing: {} });
  },
}));
