import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Offer, PendingTransfer } from '@switchboard/protocol';
import { conversations, users } from '../src/store/schema.js';
import { eventually, serverForFile } from './support/harness.js';
import type { BuiltOrg } from './support/org-builder.js';
import { smsFixture } from './support/sms-fixture.js';

// SV5 on a waiting conversation: an agent parked an SMS conversation (nobody works on it, no
// capacity held); a supervisor hands it to a colleague of its queue, whose accept takes it up again
// (active, charged to them) while the first agent stays on as a consultant.
const t = serverForFile();
const { signIn, smsOrg, post, text } = smsFixture(t);

const used = async (org: BuiltOrg, key: string) =>
  (
    await t.db.db
      .select({ used: users.usedCapacity })
      .from(users)
      .where(eq(users.id, org.user(key).id))
  )[0]!.used;
const row = async (id: string) => (await t.db.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;

/** Ann accepted a text and parked it: waiting, hers, nothing charged. Ben signs in after, free. */
async function parkedByAnn(number: string) {
  const { org, channel, standIn } = await smsOrg('twilio');
  const ann = await signIn(org, 'ann');
  const textIn = (body: string) => post(standIn.inbound(channel.webhookUrl, text(channel, number, body)));
  await textIn('Where is my parcel?');
  const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
  const id = offer.conversationId;
  await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
  await ann.api.call('parkConversation', { params: { id }, body: {} });
  const ben = await signIn(org, 'ben');
  const ada = await signIn(org, 'ada');
  return { org, id, ann, ben, ada, textIn };
}

describe('a supervisor transfers a waiting conversation (SV5)', () => {
  it('to a colleague of its queue: done once they accept, active and theirs; the first agent consults', async () => {
    const { org, id, ann, ben, ada } = await parkedByAnn('+31655550001');
    expect(await row(id)).toMatchObject({ state: 'waiting', agentId: org.user('ann').id });
    expect(await used(org, 'ann')).toBe(0);

    const options = await ada.api.call('supervisorTransferOptions', { params: { id } });
    expect(options.agents.filter((a) => a.available).map((a) => a.agentId)).toEqual([org.user('ben').id]);
    await ada.api.call('supervisorTransfer', {
      params: { id },
      body: { agentId: org.user('ben').id, note: 'Ann is off today' },
    });
    const asked = await eventually(() => ben.socket.of<PendingTransfer>('transfer:new')[0]);
    expect(asked).toMatchObject({ conversationId: id, note: 'Ann is off today' });
    // Asked, not done: it waits with Ann until Ben answers.
    expect(await row(id)).toMatchObject({ state: 'waiting', agentId: org.user('ann').id });
    expect(await used(org, 'ben')).toBe(0);

    await ben.api.call('acceptTransfer', { params: { id: asked.id }, body: {} });
    expect(await row(id)).toMatchObject({ state: 'active', agentId: org.user('ben').id });
    expect([await used(org, 'ann'), await used(org, 'ben')]).toEqual([0, 1]);
    const detail = await ada.api.call('getConversation', { params: { id } });
    const present = detail.participants.filter((p) => p.leftAt === null).map((p) => [p.role, p.userId]);
    expect(present).toContainEqual(['primary', org.user('ben').id]);
    expect(present).toContainEqual(['consultant', org.user('ann').id]);
    expect(present).not.toContainEqual(['primary', org.user('ann').id]);
    const states = detail.events.flatMap((e) => (e.type === 'state' ? [[e.from, e.to]] : []));
    expect(states.at(-1)).toEqual(['waiting', 'active']);
    // Ann consults on it now: it stays in her list of ongoing work.
    const annList = await ann.api.call('listConversations', { query: { scope: 'ongoing' } });
    expect(annList.conversations.map((c) => c.id)).toContain(id);
  });

  it('the customer writes before the colleague answers: back to its queue, the transfer withdrawn', async () => {
    const { org, id, ben, ada, textIn } = await parkedByAnn('+31655550002');
    await ada.api.call('supervisorTransfer', { params: { id }, body: { agentId: org.user('ben').id } });
    const asked = await eventually(() => ben.socket.of<PendingTransfer>('transfer:new')[0]);
    await textIn('Hello? Anyone?');
    const closed = await eventually(() =>
      ben.socket.of<{ id: string; outcome: string }>('transfer:closed').find((c) => c.id === asked.id),
    );
    expect(closed.outcome).toBe('withdrawn');
    await expect(ben.api.call('acceptTransfer', { params: { id: asked.id }, body: {} })).rejects.toMatchObject({
      status: 409,
    });
    // Routed again as new work: offered, perhaps, but accepted by nobody through the void transfer.
    expect(await row(id)).toMatchObject({ acceptedAt: null });
  });
});
