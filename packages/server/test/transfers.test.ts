import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ConversationEvent, Offer, PendingTransfer, TransferClosed } from '@switchboard/protocol';
import { handoffs } from '../src/store/schema.js';
import { listTrace } from '../src/store/traces.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { clientId, eventually, serverForFile } from './support/harness.js';
import { buildOrg } from './support/org-builder.js';

// Transfer (AG5): to an agent who accepts or rejects in time, or to another queue through routing.
const t = serverForFile();
const { acceptedChat, used } = handoffFixture(t);

const transferSteps = (events: ConversationEvent[]) =>
  events.flatMap((e) => (e.type === 'transfer' ? [`${e.step}:${e.toName}`] : []));

describe('transfer to an agent', () => {
  it('lists the queue’s other members with their presence and room; the one who accepts becomes primary', async () => {
    const { org, id, ann, ben, visitor } = await acceptedChat();
    const options = await ann.api.call('transferOptions', { params: { id } });
    expect(options.agents.map((a) => [a.name, a.available, a.presence])).toEqual([
      [org.user('ben').name, true, 'available'],
      [org.user('cy').name, false, 'away'],
    ]);
    expect(options.agents[1]!.reason).toContain('away');
    expect(options.queues.map((q) => q.name)).toEqual(['Billing']);

    await ann.api.call('transferConversation', {
      params: { id },
      body: { kind: 'agent', agentId: org.user('ben').id, note: 'Billing question, you know this one' },
    });
    const asked = await eventually(() => ben.socket.of<PendingTransfer>('transfer:new')[0]);
    expect(asked).toMatchObject({
      conversationId: id,
      customerName: 'Eve',
      note: 'Billing question, you know this one',
    });
    expect((await ben.api.call('listTransfers', {})).map((p) => p.id)).toEqual([asked.id]);

    await ben.api.call('acceptTransfer', { params: { id: asked.id }, body: {} });
    const detail = await ben.api.call('getConversation', { params: { id } });
    expect(detail).toMatchObject({ agentId: org.user('ben').id, state: 'active' });
    expect([await used(org, 'ann'), await used(org, 'ben')]).toEqual([0, 1]);
    expect(transferSteps(detail.events)).toEqual([
      `requested:${org.user('ben').name}`,
      `accepted:${org.user('ben').name}`,
    ]);
    const answered = detail.events.find((e) => e.type === 'transfer' && e.step === 'accepted');
    expect(answered).toMatchObject({ fromName: org.user('ann').name });
    await eventually(() => ben.socket.of<TransferClosed>('transfer:closed').find((c) => c.outcome === 'accepted'));
    expect(await ben.api.call('listTransfers', {})).toEqual([]);

    // Ben's sockets now follow it; Ann stays as a consultant: notes only, until she leaves.
    await visitor.call('visitorSend', { params: { id }, body: { clientMessageId: clientId(), text: 'Still there?' } });
    await eventually(() =>
      ben.socket
        .of<ConversationEvent>('conversation:event')
        .find((e) => e.type === 'message' && e.message.text === 'Still there?'),
    );
    await expect(
      ann.api.call('sendMessage', {
        params: { id },
        body: { clientMessageId: clientId(), text: 'me', internal: false },
      }),
    ).rejects.toMatchObject({ status: 403 });
    await ann.api.call('sendMessage', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'She asked about invoice 42', internal: true },
    });
    const annOngoing = await ann.api.call('listConversations', { query: { scope: 'ongoing' } });
    expect(annOngoing.conversations.map((c) => c.id)).toContain(id);
    await ann.api.call('leaveConversation', { params: { id }, body: {} });
    const after = await ann.api.call('listConversations', { query: { scope: 'ongoing' } });
    expect(after.conversations.map((c) => c.id)).not.toContain(id);
  });

  it('rejected or run out: the conversation stays with the agent who asked, who is told', async () => {
    const { org, id, ann, ben } = await acceptedChat();
    const toBen = { params: { id }, body: { kind: 'agent' as const, agentId: org.user('ben').id } };
    await ann.api.call('transferConversation', toBen);
    const first = await eventually(() => ben.socket.of<PendingTransfer>('transfer:new')[0]);
    await ben.api.call('rejectTransfer', { params: { id: first.id }, body: {} });
    await expect(ben.api.call('acceptTransfer', { params: { id: first.id }, body: {} })).rejects.toMatchObject({
      status: 409,
    });

    await ann.api.call('transferConversation', toBen);
    const second = await eventually(() => ben.socket.of<PendingTransfer>('transfer:new')[1]);
    await t.db.db
      .update(handoffs)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(handoffs.id, second.id));
    expect(await t.server.app.transfers.expireDue()).toBeGreaterThanOrEqual(1);
    await eventually(() => ben.socket.of<TransferClosed>('transfer:closed').find((c) => c.outcome === 'timeout'));

    const detail = await ann.api.call('getConversation', { params: { id } });
    expect(detail.agentId).toBe(org.user('ann').id);
    const name = org.user('ben').name;
    expect(transferSteps(detail.events)).toEqual([
      `requested:${name}`,
      `rejected:${name}`,
      `requested:${name}`,
      `timeout:${name}`,
    ]);
    expect([await used(org, 'ann'), await used(org, 'ben')]).toEqual([1, 0]);
  });

  it('refuses what a contact center would not allow, with reasons, and changes nothing', async () => {
    const { org, id, ann, ben } = await acceptedChat();
    const other = await buildOrg(t.db.db, { queues: ['Support'], users: [{ key: 'zed', queues: ['Support'] }] });
    const send = (api: typeof ann.api, agentId: string) =>
      api.call('transferConversation', { params: { id }, body: { kind: 'agent', agentId } });
    await expect(send(ben.api, org.user('cy').id)).rejects.toMatchObject({ status: 403 });
    await expect(send(ann.api, org.user('ann').id)).rejects.toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('yourself') },
    });
    await expect(send(ann.api, org.user('dee').id)).rejects.toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('not a member') },
    });
    await expect(send(ann.api, org.user('cy').id)).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('away') },
    });
    await expect(send(ann.api, other.user('zed').id)).rejects.toMatchObject({ status: 404 });
    await expect(
      ann.api.call('transferConversation', {
        params: { id },
        body: { kind: 'queue', queueId: org.queueId('Support') },
      }),
    ).rejects.toMatchObject({ status: 400, body: { message: expect.stringContaining('already') } });
    await expect(
      ann.api.call('transferConversation', {
        params: { id },
        body: { kind: 'queue', queueId: other.queueId('Support') },
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await t.db.db.select().from(handoffs).where(eq(handoffs.conversationId, id))).toEqual([]);

    // Two asks at once: one waits, the other is refused.
    const both = await Promise.allSettled([send(ann.api, org.user('ben').id), send(ann.api, org.user('ben').id)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const pending = await t.db.db
      .select()
      .from(handoffs)
      .where(and(eq(handoffs.conversationId, id), eq(handoffs.status, 'pending')));
    expect(pending).toHaveLength(1);

    // Someone else's transfer is not there; one answered twice at once is taken once.
    await expect(ann.api.call('acceptTransfer', { params: { id: pending[0]!.id }, body: {} })).rejects.toMatchObject({
      status: 404,
    });
    const answers = await Promise.allSettled([
      ben.api.call('acceptTransfer', { params: { id: pending[0]!.id }, body: {} }),
      ben.api.call('acceptTransfer', { params: { id: pending[0]!.id }, body: {} }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect([await used(org, 'ann'), await used(org, 'ben')]).toEqual([0, 1]);
  });

  it('is withdrawn once the conversation ended: the notification goes at once', async () => {
    const { org, id, ann, ben } = await acceptedChat();
    await ann.api.call('transferConversation', {
      params: { id },
      body: { kind: 'agent', agentId: org.user('ben').id },
    });
    const asked = await eventually(() => ben.socket.of<PendingTransfer>('transfer:new')[0]);
    await ann.api.call('endConversation', { params: { id }, body: {} });
    await eventually(() => ben.socket.of<TransferClosed>('transfer:closed').find((c) => c.outcome === 'withdrawn'));
    expect(await ben.api.call('listTransfers', {})).toEqual([]);
    await expect(ben.api.call('acceptTransfer', { params: { id: asked.id }, body: {} })).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('no longer waits') },
    });
    await expect(
      ann.api.call('transferConversation', { params: { id }, body: { kind: 'agent', agentId: org.user('ben').id } }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe('transfer to a queue', () => {
  it('routes it as new work there, with the trace saying who moved it; the first agent is free', async () => {
    const { org, id, ann, dee } = await acceptedChat();
    await ann.api.call('transferConversation', {
      params: { id },
      body: { kind: 'queue', queueId: org.queueId('Billing'), note: 'invoice' },
    });
    // The asker's sockets are told before they leave the conversation's room.
    await eventually(() =>
      ann.socket
        .of<ConversationEvent>('conversation:event')
        .find((e) => e.type === 'transfer' && e.step === 'to-queue'),
    );
    const offer = await eventually(() => dee.socket.of<Offer>('offer:new').find((o) => o.conversationId === id));
    expect(offer.queueName).toBe('Billing');
    expect(await used(org, 'ann')).toBe(0);
    const trace = await listTrace(t.db.db, org.orgId, id);
    const reasons = JSON.stringify(trace);
    expect(reasons).toContain(`transferred by ${org.user('ann').name} from Support: invoice`);
    await dee.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    const detail = await dee.api.call('getConversation', { params: { id } });
    expect(transferSteps(detail.events)).toEqual(['to-queue:Billing']);
  });
});
