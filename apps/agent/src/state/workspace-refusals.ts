import { create } from 'zustand';

/**
 * Workspace changes the server refused (AG3), waiting to be told to the agent: at the session limit
 * a new session is refused while every open one is held, and the tab shows the stored state again.
 */
type WorkspaceRefusals = {
  messages: { key: number; message: string }[];
  refused(message: string): void;
  drop(keys: number[]): void;
};

let next = 0;

export const useWorkspaceRefusals = create<WorkspaceRefusals>((set) => ({
  messages: [],
  refused: (message) => set((s) => ({ messages: [...s.messages, { key: ++next, message }].slice(-5) })),
  drop: (keys) => set((s) => ({ messages: s.messages.filter((m) => !keys.includes(m.key)) })),
}));
