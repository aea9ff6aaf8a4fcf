import type { WorkspaceChanges, WorkspaceState } from './workspace.js';

/**
 * Folds one write's changes into a workspace (AG3), field by field: the last write of a field
 * wins and every field it leaves out stays. A changed session keeps its place, a new one goes
 * last. Shared by the server (which stores the result) and the agent app (which shows it at once).
 */
export function applyWorkspaceChanges(state: WorkspaceState, changes: WorkspaceChanges): WorkspaceState {
  let sessions = state.sessions;
  if (changes.sessions) {
    const next = [...sessions];
    for (const [id, session] of Object.entries(changes.sessions)) {
      const at = next.findIndex((s) => s.id === id);
      if (session === null) {
        if (at >= 0) next.splice(at, 1);
      } else if (at >= 0) next[at] = session;
      else next.push(session);
    }
    sessions = next;
  }
  return {
    sessions,
    activeSessionId: changes.activeSessionId !== undefined ? changes.activeSessionId : state.activeSessionId,
    drafts: changes.drafts ? fold(state.drafts, changes.drafts, (v) => v === '') : state.drafts,
    scroll: changes.scroll ? fold(state.scroll, changes.scroll, () => false) : state.scroll,
  };
}

function fold<T>(
  current: Record<string, T>,
  changes: Record<string, T | null>,
  empty: (v: T) => boolean,
): Record<string, T> {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || empty(value)) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** True when applying `changes` would change nothing the workspace shows. */
export const noWorkspaceChanges = (changes: WorkspaceChanges): boolean =>
  !changes.sessions && changes.activeSessionId === undefined && !changes.drafts && !changes.scroll;
