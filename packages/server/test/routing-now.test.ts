import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../src/store/db.js';
import { agentSkills, conversations, skills, users } from '../src/store/schema.js';
import { serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

const t = serverForFile();

const traceRows = async (conversationId: string) =>
  Number(
    rowsOf<{ n: number }>(
      await t.db.db.execute(
        sql`select count(*)::int as n from routing_traces where conversation_id = ${conversationId}::uuid`,
      ),
    )[0]!.n,
  );

describe('the trace of a waiting conversation says why, right now (RT5)', () => {
  it('gives each member of the queue their reason: away, at capacity, lacking a skill; and stores nothing', async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Support'],
      users: [
        { key: 'away', queues: ['Support'], presence: 'available' },
        { key: 'full', queues: ['Support'], presence: 'available', capacity: 1 },
        { key: 'noskill', queues: ['Support'], presence: 'offline' },
        { key: 'sue', role: 'supervisor' },
      ],
    });
    const id = (key: string) => org.user(key).id;
    const [french] = await t.db.db
      .insert(skills)
      .values({ orgId: org.orgId, name: `French ${org.orgId.slice(0, 4)}` })
      .returning();
    await t.db.db.insert(agentSkills).values([
      { orgId: org.orgId, userId: id('away'), skillId: french!.id, proficiency: 8 },
      { orgId: org.orgId, userId: id('full'), skillId: french!.id, proficiency: 8 },
    ]);
    // Straight in the rows: the state the explanation must read, without routing acting on it.
    await t.db.db
      .update(users)
      .set({ presence: 'away' })
      .where(eq(users.id, id('away')));
    // Full, shown as Busy (a presence the workstream allows): capacity is what stops them.
    await t.db.db
      .update(users)
      .set({ usedCapacity: 1, presence: 'busy' })
      .where(eq(users.id, id('full')));

    const chat = await t.server
      .api()
      .call('startChat', {
        params: { widgetId: org.widgetId },
        body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'Bonjour' } },
      });
    const conversationId = chat.conversation.id;
    await t.server.app.settled();
    await t.db.db
      .update(conversations)
      .set({ skills: [{ skillId: french!.id, proficiency: 5 }] })
      .where(eq(conversations.id, conversationId));
    await t.db.db
      .update(users)
      .set({ presence: 'available', connected: true })
      .where(eq(users.id, id('noskill')));

    const { token } = await t.server
      .api()
      .call('login', { body: { email: org.user('sue').email, password: PASSWORD } });
    const sue = t.server.api(token);
    const before = await traceRows(conversationId);
    const trace = await sue.call('getRoutingTrace', { params: { id: conversationId } });
    expect(trace.state).toBe('open');
    expect(Date.parse(trace.now!.at)).not.toBeNaN();
    expect(trace.now!.note).toBeNull();
    const byId = Object.fromEntries(trace.now!.agents.map((a) => [a.agentId, a]));
    expect(Object.keys(byId).sort()).toEqual([id('away'), id('full'), id('noskill')].sort());
    for (const a of Object.values(byId)) expect(a).toMatchObject({ eligible: false, rank: null });
    expect(byId[id('noskill')]!.name).toBe(org.user('noskill').name);
    expect(byId[id('away')]!.reason).toBe('presence away is not allowed');
    expect(byId[id('full')]!.reason).toBe('capacity 0 left, 1 needed');
    expect(byId[id('noskill')]!.reason).toMatch(/skill|French/i);
    expect(new Set(Object.values(byId).map((a) => a.reason)).size).toBe(3);

    // Once the skilled agent is back, they are ranked first, and the trace says so.
    await t.db.db
      .update(users)
      .set({ presence: 'available' })
      .where(eq(users.id, id('away')));
    const later = await sue.call('getRoutingTrace', { params: { id: conversationId } });
    expect(later.now!.agents.find((a) => a.agentId === id('away'))).toMatchObject({ eligible: true, rank: 1 });

    // Asked twice, stored never.
    expect(await traceRows(conversationId)).toBe(before);
  });

  it('has no "right now" once the conversation is no longer waiting', async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'], presence: 'available' },
        { key: 'sue', role: 'supervisor' },
      ],
    });
    const chat = await t.server
      .api()
      .call('startChat', {
        params: { widgetId: org.widgetId },
        body: { prechat: { name: 'Eve', email: 'e@x.example', question: 'Hi' } },
      });
    await t.server.app.settled();
    const { token } = await t.server
      .api()
      .call('login', { body: { email: org.user('sue').email, password: PASSWORD } });
    const trace = await t.server.api(token).call('getRoutingTrace', { params: { id: chat.conversation.id } });
    expect(trace.state).not.toBe('open');
    expect(trace.now).toBeUndefined();
  });
});
