import type { WorkspaceChanged, WorkspaceSession, WorkspaceState } from '@switchboard/protocol';
import { describe, expect, it, vi } from 'vitest';
import { fakeBroadcast, fakeWorkspaceServer } from '../test/workspace-fixtures';
import { createWorkspaceSync, DRAFT_DEBOUNCE_MS, mergeChanges } from './workspace-sync';

const C1 = '00000000-0000-4000-8000-000000000001';
const C2 = '00000000-0000-4000-8000-000000000002';
const session = (id: string): WorkspaceSession => ({
  id,
  conversationId: id,
  tabs: [{ id: `conversation:${id}`, kind: 'conversation', title: 'Eve' }],
  activeTabId: `conversation:${id}`,
});

/** Two tabs of one agent: one fake server, one fake BroadcastChannel, timers under the test's hand. */
function twoTabs(opts: { socketToo?: boolean } = {}) {
  vi.useFakeTimers();
  const server = fakeWorkspaceServer();
  const broadcast = fakeBroadcast();
  const tab = () => {
    const shown: WorkspaceState[] = [];
    const sync = createWorkspaceSync({
      // Through the server object each time, so a test can spy on it.
      load: () => server.load(),
      write: (base, changes) => server.write(base, changes),
      channel: broadcast.tab(),
      show: (s) => shown.push(s),
      isRefusal: () => false,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    if (opts.socketToo) server.socket((e) => void sync.received(e));
    return { sync, last: () => shown.at(-1)! };
  };
  return { server, a: tab(), b: tab() };
}

describe('the workspace in step across tabs (AG3)', () => {
  it('a session opened in one tab shows at once in the other, and is written to the server', async () => {
    const { server, a, b } = twoTabs();
    await Promise.all([a.sync.start(), b.sync.start()]);
    a.sync.change({ sessions: { [C1]: session(C1) }, activeSessionId: C1 });
    expect(a.last().sessions).toEqual([session(C1)]);
    expect(b.last()).toMatchObject({ sessions: [session(C1)], activeSessionId: C1 });
    await vi.runAllTimersAsync();
    expect(server.stored()).toMatchObject({ version: 1, state: { sessions: [session(C1)] } });
    expect(a.sync.version()).toBe(1);
    vi.useRealTimers();
  });

  it('a draft shows in the other tab as it is typed, and is written once typing pauses', async () => {
    const { server, a, b } = twoTabs();
    a.sync.change({ drafts: { [C1]: 'H' } }, { debounce: true });
    a.sync.change({ drafts: { [C1]: 'Hel' } }, { debounce: true });
    expect(b.last().drafts[C1]).toBe('Hel');
    await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS - 50);
    a.sync.change({ drafts: { [C1]: 'Hello' } }, { debounce: true });
    await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS);
    expect(server.writes).toEqual([{ drafts: { [C1]: 'Hello' } }]);
    vi.useRealTimers();
  });

  it('applies the next version from the socket, ignores one it has, reads again on a gap', async () => {
    const { server, a } = twoTabs();
    await a.sync.start();
    const load = vi.spyOn(server, 'load');
    const next: WorkspaceChanged = { version: 1, changes: { sessions: { [C1]: session(C1) } } };
    await a.sync.received(next);
    expect(a.last().sessions).toEqual([session(C1)]);
    await a.sync.received(next);
    expect(load).not.toHaveBeenCalled();
    // Versions 2 and 3 were written elsewhere; only 3 arrives: read the whole state again.
    await server.write(0, { sessions: { [C2]: session(C2) } });
    await server.write(0, { sessions: { [C2]: session(C2) } });
    await server.write(0, { activeSessionId: C2 });
    await a.sync.received({ version: 4, changes: { activeSessionId: C2 } });
    expect(load).toHaveBeenCalledTimes(1);
    expect(a.sync.version()).toBe(3);
    expect(a.last().sessions.map((s) => s.id)).toEqual([C2]);
    vi.useRealTimers();
  });

  it('a draft not yet written stays on top of what the socket brings', async () => {
    const { a } = twoTabs();
    a.sync.change({ drafts: { [C1]: 'mine, still typing' } }, { debounce: true });
    await a.sync.received({ version: 1, changes: { drafts: { [C1]: 'older, from elsewhere' } } });
    expect(a.last().drafts[C1]).toBe('mine, still typing');
    vi.useRealTimers();
  });

  it('a write that fails on the network is tried again with what came since', async () => {
    const { server, a } = twoTabs();
    const write = vi.spyOn(server, 'write').mockRejectedValueOnce(new TypeError('offline'));
    a.sync.change({ activeSessionId: C1 });
    await vi.advanceTimersByTimeAsync(0);
    a.sync.change({ drafts: { [C1]: 'x' } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(write).toHaveBeenLastCalledWith(0, { activeSessionId: C1, drafts: { [C1]: 'x' } });
    expect(server.stored().version).toBe(1);
    vi.useRealTimers();
  });

  it('another machine signing in reads the same sessions and drafts', async () => {
    const { server, a } = twoTabs({ socketToo: true });
    a.sync.change({ sessions: { [C1]: session(C1) }, activeSessionId: C1, drafts: { [C1]: 'draft' } });
    await vi.runAllTimersAsync();
    const elsewhere = createWorkspaceSync({
      load: server.load,
      write: server.write,
      channel: fakeBroadcast().tab(),
      show: () => undefined,
      isRefusal: () => false,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    await elsewhere.start();
    expect(elsewhere.current()).toEqual(a.sync.current());
    vi.useRealTimers();
  });
});

describe('changes waiting for one write', () => {
  it('merge field by field, the later value of a field winning', () => {
    expect(
      mergeChanges(
        { drafts: { [C1]: 'a', [C2]: 'b' }, activeSessionId: C1 },
        { drafts: { [C1]: 'c' }, scroll: { t: 3 } },
      ),
    ).toEqual({ drafts: { [C1]: 'c', [C2]: 'b' }, activeSessionId: C1, scroll: { t: 3 } });
  });
});
