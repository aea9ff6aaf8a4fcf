import { create } from 'zustand';

export type ConnectionStatus = 'online' | 'reconnecting';

type Typing = { name: string; at: number };

type ConnectionState = {
  status: ConnectionStatus;
  /** False until the first connection: the status then reads "connecting" rather than "reconnecting". */
  everConnected: boolean;
  /** The customer's last "is typing" signal per conversation. */
  typing: Record<string, Typing>;
  setStatus(status: ConnectionStatus): void;
  setTyping(conversationId: string, name: string, isTyping: boolean, now?: number): void;
  reset(): void;
};

export const useConnection = create<ConnectionState>((set) => ({
  status: 'reconnecting',
  everConnected: false,
  typing: {},
  setStatus(status) {
    set((s) => ({ status, everConnected: s.everConnected || status === 'online' }));
  },
  setTyping(conversationId, name, isTyping, now = Date.now()) {
    set((s) => {
      const { [conversationId]: _old, ...rest } = s.typing;
      return { typing: isTyping ? { ...rest, [conversationId]: { name, at: now } } : rest };
    });
  },
  reset() {
    set({ status: 'reconnecting', everConnected: false, typing: {} });
  },
}));
