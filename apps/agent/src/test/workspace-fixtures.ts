import {
  applyWorkspaceChanges,
  emptyWorkspaceState,
  type Workspace,
  type WorkspaceChanged,
  type WorkspaceChanges,
} from '@switchboard/protocol';
import { bindSessions, showWorkspace } from '../state/sessions-store';
import {
  createWorkspaceSync,
  type WorkspaceChannel,
  type WorkspaceMessage,
  type WorkspaceSyncPorts,
} from '../state/workspace-sync';

/** A BroadcastChannel shared by the tabs of one test: each message reaches every other tab. */
export function fakeBroadcast() {
  const listeners = new Set<(m: WorkspaceMessage) => void>();
  return {
    tab(): WorkspaceChannel {
      let mine: ((m: WorkspaceMessage) => void) | null = null;
      return {
        post: (m) => {
          for (const l of listeners) if (l !== mine) l(structuredClone(m));
        },
        listen(on) {
          mine = on;
          listeners.add(on);
          return () => listeners.delete(on);
        },
      };
    },
  };
}

/** The server's side in memory: the shared merge, a version, and a push to every "socket". */
export function fakeWorkspaceServer() {
  let stored: Workspace = { version: 0, state: emptyWorkspaceState() };
  const sockets = new Set<(e: WorkspaceChanged) => void>();
  const writes: WorkspaceChanges[] = [];
  return {
    writes,
    stored: () => stored,
    load: async (): Promise<Workspace> => structuredClone(stored),
    async write(_base: number, changes: WorkspaceChanges): Promise<Workspace> {
      writes.push(changes);
      stored = { version: stored.version + 1, state: applyWorkspaceChanges(stored.state, changes) };
      for (const s of sockets) s({ version: stored.version, changes });
      return structuredClone(stored);
    },
    socket(on: (e: WorkspaceChanged) => void) {
      sockets.add(on);
    },
  };
}

/** Binds the session store to a workspace on a fake server, for component tests. */
export function bindTestWorkspace(overrides: Partial<WorkspaceSyncPorts> = {}) {
  const server = fakeWorkspaceServer();
  const sync = createWorkspaceSync({
    load: server.load,
    write: server.write,
    channel: fakeBroadcast().tab(),
    show: showWorkspace,
    isRefusal: () => false,
    setTimer: (fn) => {
      queueMicrotask(fn);
      return 0;
    },
    clearTimer: () => undefined,
    ...overrides,
  });
  bindSessions(sync);
  return { server, sync, unbind: () => bindSessions(null) };
}
