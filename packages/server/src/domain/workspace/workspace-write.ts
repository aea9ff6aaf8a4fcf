import {
  applyWorkspaceChanges,
  WORKSPACE_LIMITS,
  type WorkspaceChanges,
  type WorkspaceSession,
  type WorkspaceState,
} from '@switchboard/protocol';
import type { Hold } from './holds.js';

/** How each session's conversation may stay (holds.ts); a conversation not in the map is gone. */
export type Holds = ReadonlyMap<string, Hold>;

const holdIn = (holds: Holds, conversationId: string): Hold => holds.get(conversationId) ?? 'gone';

/**
 * The workspace as the agent may see it now (AG3): sessions of conversations they no longer hold
 * drop out, with their drafts and scroll positions; the active session is one that is still there.
 */
export function visibleWorkspace(state: WorkspaceState, holds: Holds): WorkspaceState {
  const sessions = state.sessions.filter((s) => holdIn(holds, s.conversationId) !== 'gone');
  return tidy({ ...state, sessions });
}

/**
 * Drafts and scroll positions only of what is open; an active session that is open, else the first.
 * None active is the home view (AG10): it stays so.
 */
function tidy(state: WorkspaceState): WorkspaceState {
  const conversations = new Set(state.sessions.map((s) => s.conversationId));
  const tabs = new Set(state.sessions.flatMap((s) => s.tabs.map((t) => t.id)));
  const active =
    state.activeSessionId === null || state.sessions.some((s) => s.id === state.activeSessionId)
      ? state.activeSessionId
      : (state.sessions[0]?.id ?? null);
  return {
    sessions: state.sessions,
    activeSessionId: active,
    drafts: Object.fromEntries(Object.entries(state.drafts).filter(([id]) => conversations.has(id))),
    scroll: Object.fromEntries(Object.entries(state.scroll).filter(([id]) => tabs.has(id))),
  };
}

export type WriteRules = {
  holds: Holds;
  /** The organisation's session limit; null: none (the stored bound still holds). */
  sessionLimit: number | null;
};

export type WriteOutcome =
  | { ok: true; state: WorkspaceState; changes: WorkspaceChanges }
  | { ok: false; kind: 'not-found' | 'conflict'; message: string };

/**
 * One write (AG3): the changes fold in field by field over the current state, whatever version
 * the client saw. A new session needs a conversation the agent may keep; over the session limit,
 * the oldest sessions of closed conversations make room, and when none can the write is refused.
 * Answers the state to store and what changed, for the agent's other tabs.
 */
export function writeWorkspace(current: WorkspaceState, changes: WorkspaceChanges, rules: WriteRules): WriteOutcome {
  const before = visibleWorkspace(current, rules.holds);
  const added = new Set<string>();
  for (const session of Object.values(changes.sessions ?? {})) {
    if (!session) continue;
    if (holdIn(rules.holds, session.conversationId) === 'gone')
      return { ok: false, kind: 'not-found', message: `Conversation ${session.conversationId} not found` };
    if (!before.sessions.some((s) => s.id === session.id)) added.add(session.id);
  }
  const merged = applyWorkspaceChanges(before, changes);
  const clash = sharedId(merged.sessions);
  if (clash) return { ok: false, kind: 'conflict', message: clash };

  const limit = Math.min(rules.sessionLimit ?? WORKSPACE_LIMITS.sessions, WORKSPACE_LIMITS.sessions);
  let sessions = merged.sessions;
  // Only a write that opens sessions is held to the limit: one lowered meanwhile closes nothing.
  if (added.size > 0 && sessions.length > limit) {
    const over = sessions.length - limit;
    const room = sessions
      .filter((s) => !added.has(s.id) && holdIn(rules.holds, s.conversationId) === 'kept')
      .slice(0, over)
      .map((s) => s.id);
    if (room.length < over) {
      const message =
        `At most ${limit} session${limit === 1 ? '' : 's'} can be open at once (the organisation's session limit): ` +
        'close a session first';
      return { ok: false, kind: 'conflict', message };
    }
    sessions = sessions.filter((s) => !room.includes(s.id));
  }
  const state = tidy({ ...merged, sessions });
  return { ok: true, state, changes: diffWorkspace(current, state) };
}

/** Two sessions of one conversation, or a tab id in two sessions: said in words, else null. */
function sharedId(sessions: readonly WorkspaceSession[]): string | null {
  const conversations = new Map<string, string>();
  const tabs = new Map<string, string>();
  for (const s of sessions) {
    const other = conversations.get(s.conversationId);
    if (other) return `Conversation ${s.conversationId} already has a session (${other})`;
    conversations.set(s.conversationId, s.id);
    for (const t of s.tabs) {
      const holder = tabs.get(t.id);
      if (holder) return `Tab ${t.id} is already in session ${holder}`;
      tabs.set(t.id, s.id);
    }
  }
  return null;
}

/** The changes that turn `before` into `after`, field by field (what the other tabs apply). */
export function diffWorkspace(before: WorkspaceState, after: WorkspaceState): WorkspaceChanges {
  const changes: WorkspaceChanges = {};
  const sessions = diffRecord(
    Object.fromEntries(before.sessions.map((s) => [s.id, s])),
    Object.fromEntries(after.sessions.map((s) => [s.id, s])),
  );
  // Sessions only ever keep their place or go last (applyWorkspaceChanges): no order to send.
  if (sessions) changes.sessions = sessions;
  if (before.activeSessionId !== after.activeSessionId) changes.activeSessionId = after.activeSessionId;
  const drafts = diffRecord(before.drafts, after.drafts);
  if (drafts) changes.drafts = drafts;
  const scroll = diffRecord(before.scroll, after.scroll);
  if (scroll) changes.scroll = scroll;
  return changes;
}

function diffRecord<T>(before: Record<string, T>, after: Record<string, T>): Record<string, T | null> | null {
  const out: Record<string, T | null> = {};
  for (const [key, value] of Object.entries(after))
    if (!Object.hasOwn(before, key) || JSON.stringify(before[key]) !== JSON.stringify(value)) out[key] = value;
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) out[key] = null;
  return Object.keys(out).length ? out : null;
}
