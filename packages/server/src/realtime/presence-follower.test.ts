import { describe, expect, it } from 'vitest';
import type { Presence } from '@switchboard/protocol';
import { createPresenceFollower } from './presence-follower.js';

/** One agent's sockets and the presence writes, with writes that take a while (a transaction). */
function world(opts: { countsAfterOffline?: number[] } = {}) {
  let sockets = 0;
  let connected = false;
  const writes: boolean[] = [];
  const pushed: Presence[] = [];
  const extraCounts = [...(opts.countsAfterOffline ?? [])];
  const follower = createPresenceFollower<{ userId: string }>({
    async countSockets() {
      await new Promise((r) => setTimeout(r, 1));
      return connected === false && writes.at(-1) === false && extraCounts.length ? extraCounts.shift()! : sockets;
    },
    async setConnected(_who, value) {
      await new Promise((r) => setTimeout(r, 5));
      writes.push(value);
      connected = value;
      return value ? 'available' : 'offline';
    },
    push: (_id, p) => pushed.push(p),
    onError: (err) => {
      throw err;
    },
  });
  const who = { userId: 'u1' };
  return {
    follower,
    who,
    writes,
    pushed,
    get connected() {
      return connected;
    },
    open: () => (sockets += 1),
    drop: () => (sockets -= 1),
  };
}

describe('presence follows the sockets, whatever order their events arrive in (AG1)', () => {
  it('a reload whose old socket is handled after the new one still ends connected', async () => {
    const w = world();
    w.open();
    await w.follower.settle(w.who);
    // Reload: the new socket connects, the old one goes, and the old one's handler starts last.
    w.open();
    const onConnect = w.follower.settle(w.who);
    w.drop();
    const onDisconnect = w.follower.settle(w.who);
    await Promise.all([onConnect, onDisconnect]);
    expect(w.connected).toBe(true);
    expect(w.pushed.at(-1)).toBe('available');
  });

  it('the old socket going first and the new one coming later also ends connected', async () => {
    const w = world();
    w.open();
    await w.follower.settle(w.who);
    w.drop();
    const onDisconnect = w.follower.settle(w.who);
    w.open();
    const onConnect = w.follower.settle(w.who);
    await Promise.all([onDisconnect, onConnect]);
    expect(w.connected).toBe(true);
    expect(w.pushed.at(-1)).toBe('available');
  });

  it('a socket that joined on another node while offline was written is counted again', async () => {
    const w = world({ countsAfterOffline: [1] });
    await w.follower.settle(w.who);
    expect(w.writes).toEqual([false, true]);
    expect(w.pushed).toEqual(['available']);
  });

  it('the last socket going writes offline and tells the other tabs nothing is left', async () => {
    const w = world();
    w.open();
    await w.follower.settle(w.who);
    w.drop();
    await w.follower.settle(w.who);
    expect(w.writes).toEqual([true, false]);
    expect(w.pushed).toEqual(['available', 'offline']);
  });

  it('every settle pushes, changed or not, so a new tab learns the presence at once', async () => {
    const w = world();
    w.open();
    await w.follower.settle(w.who);
    w.open();
    await w.follower.settle(w.who);
    expect(w.pushed).toEqual(['available', 'available']);
  });
});
