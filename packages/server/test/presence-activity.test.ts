import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SocketEvents } from '@switchboard/protocol';
import { users } from '../src/store/schema.js';
import { eventually, manualClock, serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

const clock = manualClock(new Date('2026-04-01T08:00:00Z'));
// Sweeps run only when a test calls them, against the injected clock.
const t = serverForFile({ clock, env: { OFFER_SWEEP_MS: '60000' } });

// Straight from the database: an API call is itself activity.
const row = async (id: string) =>
  (await t.db.db.select({ at: users.lastActivityAt, presence: users.presence }).from(users).where(eq(users.id, id)))[0]!;

async function signedInAgent() {
  const org = await buildOrg(t.db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
  const { token } = await t.server.api().call('login', { body: { email: org.user('ann').email, password: PASSWORD } });
  const socket = t.socket(token);
  await socket.ready;
  return { api: t.server.api(token), socket, id: org.user('ann').id };
}

describe('agent activity is written at most every 30 s (AG1)', () => {
  it('repeated requests within 30 s write the activity time once', async () => {
    const ann = await signedInAgent();
    clock.advance(31_000);
    await ann.api.call('me');
    const first = (await row(ann.id)).at!;
    expect(first.getTime()).toBe(clock.now().getTime());

    for (const step of [5_000, 10_000, 14_000]) {
      clock.advance(step);
      await ann.api.call('me');
      expect((await row(ann.id)).at).toEqual(first);
    }
    clock.advance(2_000); // 31 s after the last write
    await ann.api.call('me');
    expect((await row(ann.id)).at!.getTime()).toBe(clock.now().getTime());
  });

  it("an idle agent's first request ends their lapsed manual presence at once, before any sweep", async () => {
    const ann = await signedInAgent();
    await ann.api.call('setPresence', { body: { presence: 'busy-dnd' } });
    expect((await row(ann.id)).presence).toBe('busy-dnd');
    clock.advance(16 * 60_000); // past the 15-minute idle time; the idle sweep has not run
    await ann.api.call('me');
    // Activity after an idle spell clears the manual presence: presence is computed again (nothing in use).
    expect((await row(ann.id)).presence).toBe('available');
    expect((await row(ann.id)).at!.getTime()).toBe(clock.now().getTime());
    await eventually(() =>
      ann.socket.of<{ presence: string }>(SocketEvents.presence).some((p) => p.presence === 'available'),
    );
  });

  it('after the idle sweep showed the agent away, their next request recomputes presence at once', async () => {
    const ann = await signedInAgent();
    await ann.api.call('setPresence', { body: { presence: 'busy' } });
    clock.advance(15 * 60_000);
    await t.server.app.presence.sweepIdle();
    expect((await row(ann.id)).presence).toBe('away');
    await ann.api.call('me');
    expect((await row(ann.id)).presence).toBe('available');
  });
});
