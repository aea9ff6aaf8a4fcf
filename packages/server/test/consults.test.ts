import { describe, expect, it } from 'vitest';
import type { ConversationEvent, PendingTransfer } from '@switchboard/protocol';
import { handoffFixture } from './support/handoff-fixture.js';
import { clientId, eventually, serverForFile } from './support/harness.js';

// Consult (AG5): the primary agent asks a colleague or a supervisor in; they write notes the
// customer never sees, and to the customer only once the primary allows it.
const t = serverForFile();
const { acceptedChat, signIn, used } = handoffFixture(t);

const consultSteps = (events: ConversationEvent[]) =>
  events.flatMap((e) => (e.type === 'consult' ? [`${e.step}:${e.toName}`] : []));
const texts = (events: ConversationEvent[]) =>
  events.flatMap((e) => (e.type === 'message' ? [`${e.message.kind}:${e.message.text}`] : []));
const say = (text: string, internal: boolean) => ({ clientMessageId: clientId(), text, internal });

describe('consult', () => {
  it('a colleague joins, writes notes the customer never sees, and to the customer once allowed', async () => {
    const { org, id, ann, ben, visitor } = await acceptedChat();
    const options = await ann.api.call('consultOptions', { params: { id } });
    expect(options.agents.filter((a) => a.available).map((a) => a.name)).toEqual([org.user('ben').name]);
    expect(options.supervisors.map((s) => s.name)).toEqual([org.user('sue').name]);

    await ann.api.call('consultConversation', {
      params: { id },
      body: { userId: org.user('ben').id, note: 'refund?' },
    });
    const asked = await eventually(() => ben.socket.of<PendingTransfer>('transfer:new')[0]);
    expect(asked).toMatchObject({ kind: 'consult', conversationId: id, note: 'refund?' });
    await ben.api.call('acceptTransfer', { params: { id: asked.id }, body: {} });

    // Ben follows it live and has it in his ongoing list; Ann stays primary; nobody is charged for a consult.
    const ongoing = await ben.api.call('listConversations', { query: { scope: 'ongoing' } });
    expect(ongoing.conversations.map((c) => c.id)).toContain(id);
    expect([await used(org, 'ann'), await used(org, 'ben')]).toEqual([1, 0]);
    await ben.api.call('sendMessage', { params: { id }, body: say('Refund is fine up to 50 euros', true) });
    await expect(
      ben.api.call('sendMessage', { params: { id }, body: say('Hi, Ben here', false) }),
    ).rejects.toMatchObject({
      status: 403,
      body: { message: expect.stringContaining('a consultant they allow') },
    });
    await expect(
      ben.api.call('transferConversation', { params: { id }, body: { kind: 'agent', agentId: org.user('cy').id } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      ben.api.call('consultConversation', { params: { id }, body: { userId: org.user('sue').id } }),
    ).rejects.toMatchObject({ status: 403 });

    await ann.api.call('setConsultantPermission', {
      params: { id, userId: org.user('ben').id },
      body: { mayMessageCustomer: true },
    });
    await ben.api.call('sendMessage', { params: { id }, body: say('Hi, Ben here', false) });
    await visitor.call('visitorSend', { params: { id }, body: { clientMessageId: clientId(), text: 'Thanks!' } });
    await eventually(() =>
      ben.socket
        .of<ConversationEvent>('conversation:event')
        .find((e) => e.type === 'message' && e.message.text === 'Thanks!'),
    );

    const seen = await visitor.call('visitorConversation', { params: { id } });
    expect(texts(seen.events)).toContain('agent:Hi, Ben here');
    expect(JSON.stringify(seen.events)).not.toContain('Refund is fine');

    await ben.api.call('leaveConversation', { params: { id }, body: {} });
    await expect(ben.api.call('sendMessage', { params: { id }, body: say('again', true) })).rejects.toMatchObject({
      status: 403,
    });
    const detail = await ann.api.call('getConversation', { params: { id } });
    const name = org.user('ben').name;
    expect(consultSteps(detail.events)).toEqual([
      `requested:${name}`,
      `accepted:${name}`,
      `may-message-customer:${name}`,
      `left:${name}`,
    ]);
  });

  it('a supervisor may be asked whatever their presence; refusals say why and change nothing', async () => {
    const { org, id, ann, ben, cy } = await acceptedChat();
    const sue = await signIn(org, 'sue');
    const ask = (api: typeof ann.api, userId: string) =>
      api.call('consultConversation', { params: { id }, body: { userId } });
    await expect(ask(ben.api, org.user('sue').id)).rejects.toMatchObject({ status: 403 });
    await expect(ask(ann.api, org.user('ann').id)).rejects.toMatchObject({ status: 400 });
    await expect(ask(ann.api, org.user('dee').id)).rejects.toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('not a member') },
    });
    await expect(ask(ann.api, org.user('cy').id)).rejects.toMatchObject({ status: 409 });
    expect(cy.socket.of('transfer:new')).toHaveLength(0);

    await ask(ann.api, org.user('sue').id);
    await expect(ask(ann.api, org.user('sue').id)).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('already waits') },
    });
    const asked = await eventually(() => sue.socket.of<PendingTransfer>('transfer:new')[0]);
    await sue.api.call('rejectTransfer', { params: { id: asked.id }, body: {} });
    await expect(
      ann.api.call('setConsultantPermission', {
        params: { id, userId: org.user('sue').id },
        body: { mayMessageCustomer: true },
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(sue.api.call('leaveConversation', { params: { id }, body: {} })).rejects.toMatchObject({
      status: 409,
    });
    const detail = await ann.api.call('getConversation', { params: { id } });
    expect(consultSteps(detail.events)).toEqual([
      `requested:${org.user('sue').name}`,
      `rejected:${org.user('sue').name}`,
    ]);
  });

  it('a consultant who takes a transfer of it is primary only: leaving is refused and changes nothing', async () => {
    const { org, id, ann, ben } = await acceptedChat();
    await ann.api.call('consultConversation', { params: { id }, body: { userId: org.user('ben').id } });
    const consult = await eventually(() => ben.socket.of<PendingTransfer>('transfer:new')[0]);
    await ben.api.call('acceptTransfer', { params: { id: consult.id }, body: {} });
    await ann.api.call('transferConversation', {
      params: { id },
      body: { kind: 'agent', agentId: org.user('ben').id },
    });
    const transfer = await eventually(() => ben.socket.of<PendingTransfer>('transfer:new')[1]);
    await ben.api.call('acceptTransfer', { params: { id: transfer.id }, body: {} });
    await expect(ben.api.call('leaveConversation', { params: { id }, body: {} })).rejects.toMatchObject({
      status: 409,
    });
    await ben.api.call('sendMessage', { params: { id }, body: say('Ben, your agent now', false) });
    const detail = await ben.api.call('getConversation', { params: { id } });
    expect(detail.agentId).toBe(org.user('ben').id);
  });
});
