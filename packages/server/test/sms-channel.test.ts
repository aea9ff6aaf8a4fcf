import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ConversationEvent, Offer } from '@switchboard/protocol';
import { accounts, cases, channelInbound, contacts, conversations, outbox, users } from '../src/store/schema.js';
import { clientId, eventually, serverForFile } from './support/harness.js';
import { buildOrg } from './support/org-builder.js';
import { smsFixture, SMS_CONFIGS } from './support/sms-fixture.js';

// SMS end to end (CH5): a signed inbound text becomes a routed conversation, the agent's reply
// leaves through the outbox and the provider's SDK to its stand-in, and the status callback
// shows on the message. Each provider's stand-in checks the requests as the vendor would.
const t = serverForFile();
const sms = smsFixture(t);
const { signIn, smsOrg, post, text } = sms;
const CONFIGS = SMS_CONFIGS;

describe('SMS through Twilio', () => {
  it('a text becomes a routed conversation; the reply reaches the provider; its delivery shows', async () => {
    const { org, channel, standIn } = await smsOrg();
    const [contact] = await t.db.db
      .insert(contacts)
      .values({ orgId: org.orgId, name: 'Noor de Vries', mobilePhone: '+31612345678' })
      .returning();
    // Her one active case is linked to the conversation her text starts (AG9); a resolved one is not.
    const [active] = await t.db.db
      .insert(cases)
      .values([
        { orgId: org.orgId, number: 1001, title: 'Parcel lost', contactId: contact!.id },
        { orgId: org.orgId, number: 1002, title: 'Old refund', status: 'resolved', contactId: contact!.id },
      ])
      .returning();
    const ann = await signIn(org, 'ann');
    expect(channel.webhookUrl).toBe(`${t.server.url}/webhooks/twilio/${channel.id}`);
    expect(channel.secrets).toEqual({ authToken: true });
    expect(JSON.stringify(channel)).not.toContain(CONFIGS.twilio.authToken as string);

    const inbound = standIn.inbound(channel.webhookUrl, text(channel, '+31612345678', 'Waar is mijn pakket?'));
    const answer = await post(inbound);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<Response');

    // The offer names the matched contact and carries the first message.
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    expect(offer).toMatchObject({ customerName: 'Noor de Vries', firstMessage: 'Waar is mijn pakket?' });
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    const detail = await ann.api.call('getConversation', { params: { id: offer.conversationId } });
    expect(detail).toMatchObject({ channel: 'sms', channelId: channel.id, customerAddress: '+31612345678' });
    const [row] = await t.db.db.select().from(conversations).where(eq(conversations.id, offer.conversationId));
    expect(row!.contactId).toBe(contact!.id);
    expect(row!.caseId).toBe(active!.id);

    // A redelivery of the same webhook is answered 200 and stored once.
    expect((await post(inbound)).status).toBe(200);
    const stored = await t.db.db.select().from(channelInbound).where(eq(channelInbound.channelId, channel.id));
    expect(stored).toHaveLength(1);

    // The next text continues the conversation.
    await post(standIn.inbound(channel.webhookUrl, text(channel, '+31612345678', 'Bestelnummer 4711')));
    await eventually(() =>
      ann.socket
        .of<ConversationEvent>('conversation:event')
        .find((e) => e.type === 'message' && e.message.text === 'Bestelnummer 4711'),
    );

    const before = standIn.sent.length;
    const reply = await ann.api.call('sendMessage', {
      params: { id: offer.conversationId },
      body: { clientMessageId: clientId(), text: 'Uw pakket komt morgen', internal: false },
    });
    const sent = await eventually(() => standIn.sent.slice(before).find((m) => m.text === 'Uw pakket komt morgen'));
    expect(sent).toMatchObject({ to: '+31612345678', from: '+15005550006' });
    const messageId = reply.type === 'message' ? reply.message.id : '';
    const deliveries = () =>
      ann.socket
        .of<ConversationEvent>('conversation:event')
        .filter((e) => e.type === 'delivery' && e.messageId === messageId);
    await eventually(() => deliveries().some((e) => e.type === 'delivery' && e.status === 'queued'));

    // Longer than Twilio takes in one message: refused before it is stored, nothing sent.
    await expect(
      ann.api.call('sendMessage', {
        params: { id: offer.conversationId },
        body: { clientMessageId: clientId(), text: 'x'.repeat(1601), internal: false },
      }),
    ).rejects.toMatchObject({ status: 400, body: { message: expect.stringContaining('at most 1600 characters') } });

    // A note never leaves for the customer's phone.
    await ann.api.call('sendMessage', {
      params: { id: offer.conversationId },
      body: { clientMessageId: clientId(), text: 'internal only', internal: true },
    });

    expect((await post(standIn.status(channel.webhookUrl, sent.providerMessageId, 'delivered'))).status).toBe(200);
    await eventually(() => deliveries().some((e) => e.type === 'delivery' && e.status === 'delivered'));
    const { events } = await ann.api.call('getConversation', { params: { id: offer.conversationId } });
    expect(events.filter((e) => e.type === 'delivery').map((e) => e.type === 'delivery' && e.status)).toEqual([
      'queued',
      'delivered',
    ]);
    expect(standIn.sent.some((m) => m.text === 'internal only')).toBe(false);
  });

  it('refuses a forged, unsigned or misdirected webhook and stores nothing', async () => {
    const { org, channel, standIn } = await smsOrg();
    const signed = standIn.inbound(channel.webhookUrl, text(channel, '+31611111111', 'hello'));
    const others = Object.entries(signed.headers).filter(([k]) => k.toLowerCase() !== 'x-twilio-signature');
    const forged = { ...signed, headers: { ...Object.fromEntries(others), 'X-Twilio-Signature': 'AAAA' } };
    const unsigned = { ...signed, headers: Object.fromEntries(others) };
    const elsewhere = { ...signed, url: `${t.server.url}/webhooks/twilio/${crypto.randomUUID()}` };
    const otherProvider = { ...signed, url: signed.url.replace('/twilio/', '/telesign/') };
    const results = await Promise.all([forged, unsigned, elsewhere, otherProvider].map(post));
    expect(results.map((r) => r.status)).toEqual([403, 403, 404, 404]);
    expect(JSON.parse(results[0]!.body)).toMatchObject({ statusCode: 403, message: expect.stringContaining('signed') });
    const rows = await t.db.db.select().from(conversations).where(eq(conversations.orgId, org.orgId));
    expect(rows).toHaveLength(0);
    const metrics = await (await fetch(`${t.server.url}/metrics`)).text();
    expect(metrics).toMatch(/switchboard_webhooks_refused_total\{provider="twilio"\} [1-9]/);
  });

  it('keeps a reply while the provider is down and sends it when it is back; refused replies are dead', async () => {
    const { org, admin, channel, standIn } = await smsOrg();
    const ann = await signIn(org, 'ann');
    await post(standIn.inbound(channel.webhookUrl, text(channel, '+31622222222', 'hi')));
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    standIn.failNext(503);
    const reply = await ann.api.call('sendMessage', {
      params: { id: offer.conversationId },
      body: { clientMessageId: clientId(), text: 'once back', internal: false },
    });
    const messageId = reply.type === 'message' ? reply.message.id : '';
    const [waiting] = await eventually(async () => {
      const rows = await t.db.db.select().from(outbox).where(eq(outbox.messageId, messageId));
      return rows[0]?.status === 'pending' && rows[0].attempts === 1 ? rows : undefined;
    });
    expect(waiting!.lastError).toMatch(/503/);
    expect((await admin.api.call('listOutbox', { query: { status: 'retrying' } })).map((e) => e.messageId)).toContain(
      messageId,
    );
    // Due again (as the 5-second backoff would make it): sent once, whatever the sweeps do.
    await t.db.db.update(outbox).set({ nextAttemptAt: new Date() }).where(eq(outbox.messageId, messageId));
    await Promise.all([t.server.app.outbox.sendDue(), t.server.app.outbox.sendDue()]);
    await eventually(() => standIn.sent.some((m) => m.text === 'once back'));
    expect(standIn.sent.filter((m) => m.text === 'once back')).toHaveLength(1);

    standIn.failNext(400);
    const refused = await ann.api.call('sendMessage', {
      params: { id: offer.conversationId },
      body: { clientMessageId: clientId(), text: 'refused', internal: false },
    });
    const refusedId = refused.type === 'message' ? refused.message.id : '';
    const dead = await eventually(async () =>
      (await admin.api.call('listOutbox', { query: { status: 'dead' } })).find((e) => e.messageId === refusedId),
    );
    expect(dead.lastError).not.toBeNull();
    await eventually(() =>
      ann.socket
        .of<ConversationEvent>('conversation:event')
        .some((e) => e.type === 'delivery' && e.messageId === refusedId && e.status === 'dead'),
    );
    const again = await admin.api.call('retryOutbox', { params: { id: dead.id }, body: {} });
    expect(again.status).toBe('pending');
    await eventually(() => standIn.sent.some((m) => m.text === 'refused'));
    await expect(admin.api.call('retryOutbox', { params: { id: dead.id }, body: {} })).rejects.toMatchObject({
      status: 409,
    });
  });
});

describe('SMS through TeleSign and Azure Communication Services', () => {
  it.each(['telesign', 'acs'] as const)('%s: a text reaches an agent, who answers through the provider', async (p) => {
    const { org, channel, standIn } = await smsOrg(p);
    await t.db.db.insert(accounts).values({ orgId: org.orgId, name: 'Contoso Ltd', mainPhone: '+32470123456' });
    const ann = await signIn(org, 'ann');
    expect((await post(standIn.inbound(channel.webhookUrl, text(channel, '+32470123456', 'Bonjour')))).status).toBe(
      200,
    );
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    // Only the account's main phone matched: the account's name is who writes.
    expect(offer.customerName).toBe('Contoso Ltd');
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await ann.api.call('sendMessage', {
      params: { id: offer.conversationId },
      body: { clientMessageId: clientId(), text: 'Bonjour, je regarde', internal: false },
    });
    const sent = await eventually(() => standIn.sent.find((m) => m.text === 'Bonjour, je regarde'));
    expect(sent.to).toBe('+32470123456');
    await post(standIn.status(channel.webhookUrl, sent.providerMessageId, 'failed'));
    await eventually(() =>
      ann.socket
        .of<ConversationEvent>('conversation:event')
        .some((e) => e.type === 'delivery' && e.status === 'failed' && e.reason !== null),
    );
  });
});

describe('automated messages by text (CH6)', () => {
  it('text the customer that they wait, who took it and that it ended, each sent once', async () => {
    const { org, admin, channel, standIn } = await smsOrg();
    for (const trigger of ['queued', 'assigned', 'agent-ended'] as const)
      await admin.api.call('saveAutomatedMessage', {
        params: { channel: 'sms', trigger },
        body: { enabled: true, bodies: { en: `${trigger}: {agentName} at {channelNumber}` } },
      });
    const ann = await signIn(org, 'ann');
    await post(standIn.inbound(channel.webhookUrl, text(channel, '+31633333333', 'Are you there?')));
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await ann.api.call('endConversation', { params: { id: offer.conversationId }, body: {} });
    const name = org.user('ann').name;
    const toHer = () => standIn.sent.filter((m) => m.to === '+31633333333').map((m) => m.text);
    await eventually(() => toHer().length === 3 || undefined);
    expect(toHer()).toEqual([
      'queued: at +15005550006',
      `assigned: ${name} at +15005550006`,
      `agent-ended: ${name} at +15005550006`,
    ]);
  });
});

describe('channels in the admin center', () => {
  it('refuses a configuration the provider would not take, naming the field, and stores nothing', async () => {
    const { org, admin } = await smsOrg();
    const before = await admin.api.call('listChannels');
    const bad = [
      { accountSid: 'AC123', authToken: 'x'.repeat(32), numbers: ['+15005550006'] },
      { accountSid: CONFIGS.twilio.accountSid, authToken: 'x'.repeat(32), numbers: ['reception desk'] },
      { accountSid: CONFIGS.twilio.accountSid, numbers: ['+15005550006'] },
    ];
    for (const config of bad) {
      const refused = admin.api.call('createChannel', {
        body: { name: 'Bad', provider: 'twilio', workstreamId: org.workstreamId, config: config as never },
      });
      await expect(refused).rejects.toMatchObject({
        status: 400,
        body: { message: expect.stringMatching(/^twilio channel: (accountSid|numbers|authToken)/) },
      });
    }
    const taken = admin.api.call('createChannel', {
      body: {
        name: before[0]!.name,
        provider: 'twilio',
        workstreamId: org.workstreamId,
        config: CONFIGS.twilio as never,
      },
    });
    await expect(taken).rejects.toMatchObject({ status: 409 });
    expect(await admin.api.call('listChannels')).toEqual(before);
  });

  it('keeps a secret the admin leaves out, and replaces one the admin types', async () => {
    const { admin, channel, standIn } = await smsOrg();
    const { authToken: _secret, ...plain } = CONFIGS.twilio;
    const update = (config: Record<string, unknown>) =>
      admin.api.call('updateChannel', {
        params: { id: channel.id },
        body: { name: 'Renamed', provider: 'twilio', workstreamId: channel.workstreamId, config: config as never },
      });
    const kept = await update({ ...plain, authToken: '', apiBaseUrl: `${sms.providersUrl}/twilio` });
    expect(kept).toMatchObject({ name: 'Renamed', secrets: { authToken: true } });
    // Still signed with the stored token: the stand-in's webhook verifies.
    expect((await post(standIn.inbound(kept.webhookUrl, text(kept, '+31633333333', 'still me')))).status).toBe(200);
    await update({ ...plain, authToken: 'e'.repeat(32), apiBaseUrl: `${sms.providersUrl}/twilio` });
    const stale = await post(standIn.inbound(kept.webhookUrl, text(kept, '+31633333333', 'old token')));
    expect(stale.status).toBe(403);
  });

  it('takes a short code as one of its numbers, and texts sent to it', async () => {
    const org = await buildOrg(t.db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'ada', role: 'admin' },
      ],
    });
    const admin = await signIn(org, 'ada');
    const ann = await signIn(org, 'ann');
    const channel = await admin.api.call('createChannel', {
      body: {
        name: 'Short code',
        provider: 'twilio',
        workstreamId: org.workstreamId,
        config: { ...CONFIGS.twilio, numbers: ['4442'] } as never,
      },
    });
    expect(channel.numbers).toEqual(['4442']);
    const standIn = sms.standIn('twilio');
    expect((await post(standIn.inbound(channel.webhookUrl, text(channel, '+15551234567', 'STOP')))).status).toBe(200);
    await eventually(() => ann.socket.of<Offer>('offer:new').find((o) => o.firstMessage === 'STOP'));
  });

  it("validates a TeleSign API key with a test SMS and reports TeleSign's answer", async () => {
    const { admin, channel, standIn } = await smsOrg('telesign');
    const before = standIn.sent.length;
    const ok = await admin.api.call('validateChannelKey', {
      params: { id: channel.id },
      body: { phoneNumber: '31612345678' },
    });
    expect(ok).toMatchObject({ ok: true, code: 290 });
    expect(standIn.sent.slice(before)).toEqual([expect.objectContaining({ to: '+31612345678' })]);
    await expect(
      admin.api.call('validateChannelKey', { params: { id: channel.id }, body: { phoneNumber: '+31612345678' } }),
    ).rejects.toMatchObject({ status: 400, body: { message: expect.stringContaining('country code') } });
  });
});

describe('SMS conversations wait and reopen (CV1)', () => {
  it('parks and resumes; a text brings a waiting or recently closed one back to the same agent', async () => {
    const { org, channel, standIn } = await smsOrg('twilio', { affinity: true, reopenWindowMinutes: 60 });
    const ann = await signIn(org, 'ann');
    const number = '+31644444444';
    const textIn = (body: string) => post(standIn.inbound(channel.webhookUrl, text(channel, number, body)));
    const used = async () =>
      (
        await t.db.db
          .select()
          .from(users)
          .where(eq(users.id, org.user('ann').id))
      )[0]!.usedCapacity;
    const state = async (id: string) =>
      (await t.db.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
    const offers = () => ann.socket.of<Offer>('offer:new');

    await textIn('first');
    const offer = await eventually(() => offers()[0]);
    const id = offer.conversationId;
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    expect(await used()).toBe(1);

    await ann.api.call('parkConversation', { params: { id }, body: {} });
    expect((await state(id)).state).toBe('waiting');
    expect(await used()).toBe(0);
    await ann.api.call('resumeConversation', { params: { id }, body: {} });
    expect((await state(id)).state).toBe('active');
    expect(await used()).toBe(1);

    // Waiting, then the customer writes: back to the queue, and to Ann (affinity) though Ben is free too.
    await ann.api.call('parkConversation', { params: { id }, body: {} });
    const ben = await signIn(org, 'ben');
    await textIn('second');
    const again = await eventually(() => offers().find((o) => o.conversationId === id && o.id !== offer.id));
    expect(ben.socket.of<Offer>('offer:new')).toEqual([]);
    await ann.api.call('acceptOffer', { params: { id: again.id }, body: {} });
    expect((await state(id)).state).toBe('active');

    // Closed, then a text within the window: the same conversation opens again, for Ann.
    await ann.api.call('endConversation', { params: { id }, body: {} });
    await ann.api.call('closeConversation', { params: { id }, body: {} });
    await textIn('third');
    const reopened = await eventually(() =>
      offers().find((o) => o.conversationId === id && ![offer.id, again.id].includes(o.id)),
    );
    await ann.api.call('acceptOffer', { params: { id: reopened.id }, body: {} });
    const { events } = await ann.api.call('getConversation', { params: { id } });
    const texts = events.flatMap((e) =>
      e.type === 'message' && e.message.kind === 'customer' ? [e.message.text] : [],
    );
    expect(texts).toEqual(['first', 'second', 'third']);
    // Assignment is told by offered/accepted events; the state events are the moves around it.
    expect(events.filter((e) => e.type === 'state').map((e) => e.type === 'state' && e.to)).toEqual([
      'waiting',
      'active',
      'waiting',
      'open',
      'wrap-up',
      'closed',
      'open',
    ]);

    // Closed longer ago than the window: a new conversation.
    await ann.api.call('endConversation', { params: { id }, body: {} });
    await ann.api.call('closeConversation', { params: { id }, body: {} });
    await t.db.db
      .update(conversations)
      .set({ closedAt: new Date(Date.now() - 61 * 60_000) })
      .where(eq(conversations.id, id));
    await textIn('much later');
    // A new conversation, routed as any (to Ann or Ben: no affinity for a new one).
    const fresh = await eventually(() =>
      [...offers(), ...ben.socket.of<Offer>('offer:new')].find((o) => o.conversationId !== id),
    );
    expect(fresh.firstMessage).toBe('much later');
  });

  it('live chat cannot wait', async () => {
    const org = await buildOrg(t.db.db, { queues: ['Support'], users: [{ key: 'ann', queues: ['Support'] }] });
    const ann = await signIn(org, 'ann');
    const chat = await t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'hi' } },
    });
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await expect(
      ann.api.call('parkConversation', { params: { id: chat.conversation.id }, body: {} }),
    ).rejects.toMatchObject({ status: 409, body: { message: expect.stringContaining('live chat') } });
  });
});

describe('a custom channel (CH7)', () => {
  it('lets an external program post texts in and receive the replies, both signed', async () => {
    const { org, channel, standIn } = await smsOrg('custom');
    const ann = await signIn(org, 'ann');
    expect(channel.webhookUrl).toBe(`${t.server.url}/webhooks/custom/${channel.id}`);
    const signed = standIn.inbound(channel.webhookUrl, { from: 'user-42', to: 'acme-bot', body: 'Hello from the app' });
    const answer = await post(signed);
    expect(answer).toEqual({ status: 200, body: JSON.stringify({ ok: true, received: 1 }) });
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    expect(offer.customerName).toBe('user-42');
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    const detail = await ann.api.call('getConversation', { params: { id: offer.conversationId } });
    expect(detail).toMatchObject({ channel: 'custom', customerAddress: 'user-42' });
    await ann.api.call('sendMessage', {
      params: { id: offer.conversationId },
      body: { clientMessageId: clientId(), text: 'Hello from the agent', internal: false },
    });
    const sent = await eventually(() => standIn.sent.find((m) => m.text === 'Hello from the agent'));
    expect(sent).toMatchObject({ to: 'user-42', from: 'acme-bot' });
    await post(standIn.status(channel.webhookUrl, sent.providerMessageId, 'delivered'));
    await eventually(() =>
      ann.socket
        .of<ConversationEvent>('conversation:event')
        .some((e) => e.type === 'delivery' && e.status === 'delivered'),
    );
    // Changed on the way: refused, nothing stored.
    const tampered = { ...signed, body: signed.body.replace('Hello', 'Hallo') };
    expect((await post(tampered)).status).toBe(403);
  });
});
