import type { WorkspaceSession, WorkspaceState, WorkspaceTab } from '@switchboard/protocol';
import { create } from 'zustand';
import type { WorkspaceSync } from './workspace-sync';

/** What the components read of the workspace (AG3): open conversations, the active one, drafts, scroll. */
type SessionsView = {
  openIds: string[];
  activeId: string | null;
  drafts: Record<string, string>;
  /** Scroll position per conversation (its conversation tab). */
  scroll: Record<string, number>;
  /** Each open session's inner tabs and the active one, by conversation id (AG6, AG9). */
  tabs: Record<string, { tabs: WorkspaceTab[]; activeTabId: string }>;
};

type SessionsState = SessionsView & {
  open(id: string, title?: string): void;
  close(id: string): void;
  /** null: the home view (AG10), the sessions staying open. */
  activate(id: string | null): void;
  setDraft(id: string, text: string): void;
  setScroll(id: string, top: number): void;
};

// The workspace of the signed-in agent: bound by startWorkspace, so commands reach its sync.
let bound: WorkspaceSync | null = null;

export const conversationTabId = (conversationId: string) => `conversation:${conversationId}`;
export const summaryTabId = (conversationId: string) => `summary:${conversationId}`;

/** The workspace this sign-in writes to, for the session tabs' commands (state/session-tabs.ts). */
export const boundWorkspace = () => bound;

// A new session opens on the customer summary (AG6), the conversation tab beside it.
const sessionFor = (conversationId: string, title: string): WorkspaceSession => ({
  id: conversationId,
  conversationId,
  tabs: [
    { id: conversationTabId(conversationId), kind: 'conversation', title: title.slice(0, 120) },
    { id: summaryTabId(conversationId), kind: 'customer-summary', title: 'Customer summary' },
  ],
  activeTabId: summaryTabId(conversationId),
});

const empty: SessionsView = { openIds: [], activeId: null, drafts: {}, scroll: {}, tabs: {} };

export const useSessions = create<SessionsState>((_set, get) => ({
  ...empty,
  open(id, title = '') {
    if (!bound) return;
    const known = bound.current().sessions.some((s) => s.conversationId === id);
    bound.change(known ? { activeSessionId: id } : { sessions: { [id]: sessionFor(id, title) }, activeSessionId: id });
  },
  close(id) {
    if (!bound) return;
    const { openIds, activeId } = get();
    const index = openIds.indexOf(id);
    const rest = openIds.filter((x) => x !== id);
    const nextActive = activeId === id ? (rest[Math.min(index, rest.length - 1)] ?? null) : activeId;
    const session = bound.current().sessions.find((s) => s.conversationId === id);
    if (!session) return;
    bound.change({ sessions: { [session.id]: null }, activeSessionId: nextActive, drafts: { [id]: null } });
  },
  activate(id) {
    bound?.change({ activeSessionId: id });
  },
  setDraft(id, text) {
    bound?.change({ drafts: { [id]: text } }, { debounce: true });
  },
  setScroll(id, top) {
    const rounded = Math.max(0, Math.min(10_000_000, Math.round(top)));
    if (get().scroll[id] === rounded) return;
    bound?.change({ scroll: { [conversationTabId(id)]: rounded } }, { debounce: true });
  },
}));

/** The state a workspace sync shows, as the components read it. */
export function showWorkspace(state: WorkspaceState) {
  const scroll: Record<string, number> = {};
  for (const s of state.sessions) {
    const top = state.scroll[conversationTabId(s.conversationId)];
    if (top !== undefined) scroll[s.conversationId] = top;
  }
  useSessions.setState({
    openIds: state.sessions.map((s) => s.conversationId),
    activeId: state.sessions.find((s) => s.id === state.activeSessionId)?.conversationId ?? null,
    drafts: state.drafts,
    scroll,
    tabs: Object.fromEntries(
      state.sessions.map((s) => [s.conversationId, { tabs: s.tabs, activeTabId: s.activeTabId }]),
    ),
  });
}

/** Binds the commands to this sign-in's workspace; null at sign-out clears what was shown. */
export function bindSessions(sync: WorkspaceSync | null) {
  bound = sync;
  if (!sync) useSessions.setState(empty);
}
