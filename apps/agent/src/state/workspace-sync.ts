import {
  applyWorkspaceChanges,
  emptyWorkspaceState,
  noWorkspaceChanges,
  type Workspace,
  type WorkspaceChanged,
  type WorkspaceChanges,
  type WorkspaceState,
} from '@switchboard/protocol';

/** What one tab tells the agent's other tabs of the same browser. */
export type WorkspaceMessage = { kind: 'changes'; changes: WorkspaceChanges };

/** A BroadcastChannel, or a fake pair of them in tests. */
export type WorkspaceChannel = {
  post(message: WorkspaceMessage): void;
  listen(on: (message: WorkspaceMessage) => void): () => void;
};

export type WorkspaceSyncPorts = {
  load(): Promise<Workspace>;
  write(baseVersion: number, changes: WorkspaceChanges): Promise<Workspace>;
  channel: WorkspaceChannel;
  /** Every state the workspace shows, as it comes (the store the components read). */
  show(state: WorkspaceState): void;
  /** A write the server refused (4xx): the state is read again; says why for the log. */
  refused?(err: unknown): void;
  isRefusal(err: unknown): boolean;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
};

/** Drafts go to the server once typing pauses; everything else at once. */
export const DRAFT_DEBOUNCE_MS = 400;
const RETRY_MS = 2000;

/** Changes `later` over `earlier`, field by field: what one write will carry. */
export function mergeChanges(earlier: WorkspaceChanges, later: WorkspaceChanges): WorkspaceChanges {
  const out: WorkspaceChanges = { ...earlier };
  if (later.sessions) out.sessions = { ...earlier.sessions, ...later.sessions };
  if (later.activeSessionId !== undefined) out.activeSessionId = later.activeSessionId;
  if (later.drafts) out.drafts = { ...earlier.drafts, ...later.drafts };
  if (later.scroll) out.scroll = { ...earlier.scroll, ...later.scroll };
  return out;
}

/**
 * The agent's workspace in this browser tab (AG3). A change shows at once, goes to the agent's
 * other tabs over the BroadcastChannel and to the server (drafts once typing pauses). Changes
 * pushed over the socket apply when they are the next version; a gap means one was missed, so
 * the state is read again. Changes not yet written stay on top of whatever arrives.
 */
export function createWorkspaceSync(ports: WorkspaceSyncPorts) {
  let state = emptyWorkspaceState();
  let version = 0;
  let pending: WorkspaceChanges = {};
  let inFlight = false;
  let timer: unknown = null;
  let stopped = false;

  const shown = () => (noWorkspaceChanges(pending) ? state : applyWorkspaceChanges(state, pending));
  const show = () => ports.show(shown());

  function schedule(ms: number) {
    if (timer !== null) ports.clearTimer(timer);
    timer = ports.setTimer(() => {
      timer = null;
      void flush();
    }, ms);
  }

  async function flush() {
    if (stopped || inFlight || noWorkspaceChanges(pending)) return;
    const sending = pending;
    pending = {};
    inFlight = true;
    try {
      const answer = await ports.write(version, sending);
      if (answer.version >= version) {
        state = answer.state;
        version = answer.version;
      }
    } catch (err) {
      if (ports.isRefusal(err)) {
        ports.refused?.(err);
        await reload();
      } else {
        pending = mergeChanges(sending, pending);
        schedule(RETRY_MS);
      }
    } finally {
      inFlight = false;
    }
    show();
    if (!noWorkspaceChanges(pending) && timer === null) schedule(0);
  }

  async function reload() {
    const loaded = await ports.load();
    if (loaded.version >= version) {
      state = loaded.state;
      version = loaded.version;
    }
  }

  const unlisten = ports.channel.listen((message) => {
    if (message.kind !== 'changes') return;
    state = applyWorkspaceChanges(state, message.changes);
    show();
  });

  return {
    /** Reads the stored workspace (sign-in, reload): what the agent left, on any machine. */
    async start() {
      await reload();
      show();
    },
    current: shown,
    version: () => version,
    /** A change made in this tab: shown, told to the other tabs, written (debounced for drafts). */
    change(changes: WorkspaceChanges, opts: { debounce?: boolean } = {}) {
      if (noWorkspaceChanges(changes)) return;
      pending = mergeChanges(pending, changes);
      ports.channel.post({ kind: 'changes', changes });
      show();
      schedule(opts.debounce ? DRAFT_DEBOUNCE_MS : 0);
    },
    /** The server's push: the next version applies, an older one is already here, a gap reads again. */
    async received(event: WorkspaceChanged) {
      if (event.version <= version) return;
      if (event.version === version + 1) {
        state = applyWorkspaceChanges(state, event.changes);
        version = event.version;
      } else await reload();
      show();
    },
    /** After a reconnect: whatever was missed meanwhile. */
    async refresh() {
      await reload();
      show();
    },
    /** Writes what waits now (the page is going away). */
    flushNow: () => void flush(),
    stop() {
      stopped = true;
      unlisten();
      if (timer !== null) ports.clearTimer(timer);
    },
  };
}

export type WorkspaceSync = ReturnType<typeof createWorkspaceSync>;
