import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplate, type ConversationEvent, type Offer } from '@switchboard/protocol';
import { BUILT_IN_TEXTS } from '../src/domain/conversation/automated-messages.js';
import { seedDemoChannels } from '../src/demo/seed-channels.js';
import { openDatabase, type Database } from '../src/store/db.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../src/store/seed-demo.js';
import { clientId, connectSocket, eventually, startServer, type TestServer } from './support/harness.js';

// `npm start` shows SMS with no account anywhere (CH2): the demo's fake phone texts the seeded
// channels, the agent answers, and the reply reaches the phone through the provider stand-ins.
let db: Database;
let server: TestServer;
const sockets: { close(): void }[] = [];

beforeAll(async () => {
  db = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://' });
  await seedDemo(db.db);
  server = await startServer({ database: db, env: { SEED_DEMO: 'true' } });
  expect(await seedDemoChannels(db.db, server.app.channels, server.url)).toBe(3);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.close();
  await db.close();
});

const phone = (path: string, init?: RequestInit) =>
  fetch(`${server.url}/demo/phone/api/${path}`, init).then(async (r) => ({ status: r.status, body: await r.json() }));

describe('the demo phone', () => {
  it.each(['twilio', 'telesign', 'acs'])('texts the %s number; the agent answers; the phone gets it', async (p) => {
    const { body: channels } = await phone('channels');
    const channel = (channels as { id: string; provider: string; number: string }[]).find((c) => c.provider === p)!;
    const { token } = await server
      .api()
      .call('login', { body: { email: 'bob@contoso.example', password: DEMO_PASSWORD } });
    const bob = connectSocket(server.url, token);
    sockets.push(bob);
    await bob.ready;
    const api = server.api(token);
    await api.call('setPresence', { body: { presence: 'available' } });

    const from = { twilio: '+31612345678', telesign: '+31687654321', acs: '+33611111111' }[p]!;
    const send = { channelId: channel.id, from, text: `Hello over ${p}` };
    const sent = await phone('send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(send),
    });
    expect(sent.status).toBe(200);
    const offer = await eventually(() => bob.of<Offer>('offer:new').find((o) => o.firstMessage === `Hello over ${p}`));
    if (p === 'twilio') expect(offer.customerName).toBe('Emma Janssen');
    await api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await api.call('sendMessage', {
      params: { id: offer.conversationId },
      body: { clientMessageId: clientId(), text: `Answer over ${p}`, internal: false },
    });
    await eventually(async () => {
      const { body } = await phone(`messages?number=${encodeURIComponent(from)}`);
      const list = body as { direction: string; text: string }[];
      return list.some((m) => m.direction === 'out' && m.text === `Answer over ${p}`) ? list : undefined;
    });
    // The demo has the SMS automated messages on: the phone is told it waits, and who took it.
    const bobName = DEMO_USERS.find((u) => u.email === 'bob@contoso.example')!.name;
    const assigned = renderTemplate(BUILT_IN_TEXTS.assigned.en, {
      customerName: offer.customerName,
      agentName: bobName,
    });
    await eventually(async () => {
      const { body } = await phone(`messages?number=${encodeURIComponent(from)}`);
      return (body as { text: string }[]).some((m) => m.text === assigned) || undefined;
    });
    const { body: all } = await phone(`messages?number=${encodeURIComponent(from)}`);
    const texts = (all as { direction: string; text: string }[]).map((m) => [m.direction, m.text]);
    expect(texts[0]).toEqual(['in', `Hello over ${p}`]);
    expect(texts.slice(1).sort()).toEqual(
      [
        ['out', BUILT_IN_TEXTS.queued.en],
        ['out', assigned],
        ['out', `Answer over ${p}`],
      ].sort(),
    );
    // A moment later the handset reports it delivered, and the agent sees that on the message.
    await eventually(
      () =>
        bob.of<ConversationEvent>('conversation:event').some((e) => e.type === 'delivery' && e.status === 'delivered'),
      6000,
    );
    bob.close();
  });

  it('refuses a text from something that is not a number', async () => {
    const { body: channels } = await phone('channels');
    const send = { channelId: (channels as { id: string }[])[0]!.id, from: 'me', text: 'hi' };
    const res = await phone('send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(send),
    });
    expect(res).toMatchObject({ status: 400, body: { message: expect.stringContaining('not a phone number') } });
  });
});
