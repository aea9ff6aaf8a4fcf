import { describe, expect, it } from 'vitest';
import type { Presence } from '@switchboard/protocol';
import { connectSocket, eventually, serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

const t = serverForFile();

async function signIn() {
  const org = await buildOrg(t.db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
  const { token } = await t.server.api().call('login', { body: { email: org.user('ann').email, password: PASSWORD } });
  return { api: t.server.api(token), connect: () => t.socket(token) };
}

const lastPushed = (s: ReturnType<typeof connectSocket>) => s.of<{ presence: Presence }>('presence').at(-1)?.presence;

describe('presence across reloads (AG1)', () => {
  it('the new socket is told the presence before ready, and an old socket going never makes it offline', async () => {
    const ann = await signIn();
    let socket = ann.connect();
    await socket.ready;
    expect(lastPushed(socket)).toBe('available');
    await ann.api.call('setPresence', { body: { presence: 'busy' } });

    for (let round = 0; round < 10; round++) {
      // A reload: the new tab connects while the old one goes, in either order.
      const next = ann.connect();
      if (round % 2) await new Promise((r) => setTimeout(r, round));
      socket.close();
      await next.ready;
      socket = next;
      expect(lastPushed(socket), `round ${round}`).toBe('busy');
      // Whatever the server was still handling settles on busy, and the socket is told so.
      await eventually(
        async () => (await ann.api.call('me')).presence === 'busy' && lastPushed(socket) === 'busy',
        2000,
      );
      await new Promise((r) => setTimeout(r, 50));
      expect((await ann.api.call('me')).presence, `round ${round}`).toBe('busy');
      expect(lastPushed(socket), `round ${round}`).toBe('busy');
    }
  });

  it('the last socket going is offline at once, and coming back within the grace restores the choice', async () => {
    const ann = await signIn();
    const socket = ann.connect();
    await socket.ready;
    await ann.api.call('setPresence', { body: { presence: 'away' } });
    socket.close();
    await eventually(async () => (await ann.api.call('me')).presence === 'offline');
    const again = ann.connect();
    await again.ready;
    expect(lastPushed(again)).toBe('away');
    expect((await ann.api.call('me')).presence).toBe('away');
  });
});
