import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '@switchboard/protocol';
import { WebhookRefused, type SignedWebhook, type WebhookRequest } from '../adapter.js';
import { asRequest, runChannelAdapterContract } from '../channel-adapter.contract.js';
import { acsSms } from './adapter.js';
import { eventGridEndpoint, type AcsConfig } from './config.js';
import { acsStandIn, subscriptionValidation } from './stand-in.js';

const accessKey = Buffer.from('switchboard-acs-stand-in-access-key-0123456789abcdef').toString('base64');
const config: AcsConfig = {
  connectionString: `endpoint=https://switchboard-test.communication.azure.com/;accesskey=${accessKey}`,
  webhookSecret: 'event-grid-webhook-secret-for-tests',
  numbers: ['+18445550100'],
  apiBaseUrl: null,
};
const webhookUrl = 'https://switchboard.example/webhooks/acs/5d7f2c4a-0b8e-4c1d-9f3a-2e6b8a1c7d40';

const contractFixtures = {
  config,
  standIn: acsStandIn,
  malformed: (url: string) => ({
    ...acsStandIn(config).inbound(url, { from: '+31612345678', to: '+18445550100', body: 'x' }),
    body: '{"not":"an array"}',
  }),
  forge: (request: SignedWebhook) => ({ ...request, url: request.url.replace(/secret=[^&]*/, 'secret=guessed') }),
  // The URL's secret is an HMAC of its path, so it covers the URL as a signature would.
  signsUrl: true,
};
runChannelAdapterContract(acsSms, contractFixtures);

const notification = (events: object[]): SignedWebhook => ({
  url: eventGridEndpoint(webhookUrl, config.webhookSecret),
  method: 'POST',
  headers: { 'content-type': 'application/json', 'aeg-event-type': 'Notification' },
  body: JSON.stringify(events),
});
const received = (data: Record<string, unknown>) => ({
  id: crypto.randomUUID(),
  eventType: 'Microsoft.Communication.SMSReceived',
  data,
  eventTime: '2026-03-02T10:00:01Z',
});
const refusal = (req: WebhookRequest) => {
  try {
    acsSms.parse(req, config);
  } catch (err) {
    if (err instanceof WebhookRefused) return err;
  }
  return null;
};

describe('ACS Event Grid webhook', () => {
  it('answers the subscription validation handshake with its code, and no activities', () => {
    const req = asRequest(
      subscriptionValidation(webhookUrl, config.webhookSecret, 'B4C2A1F0-7E3D-4E58-9C1A-5D2F0E3B6A77'),
    );
    expect(acsSms.verify(req, config)).toEqual({ ok: true });
    const parsed = acsSms.parse(req, config);
    expect(parsed.activities).toEqual([]);
    expect(parsed.reply.status).toBe(200);
    expect(JSON.parse(parsed.reply.body)).toEqual({ validationResponse: 'B4C2A1F0-7E3D-4E58-9C1A-5D2F0E3B6A77' });
  });

  it('reads camelCase data keys as it reads PascalCase ones', () => {
    const pascal = {
      MessageId: 'Incoming_1',
      From: '31612345678',
      To: '18445550100',
      Message: 'Hallo',
      ReceivedTimestamp: '2026-03-02T10:00:00.5Z',
    };
    const camel = {
      messageId: 'Incoming_1',
      from: '31612345678',
      to: '18445550100',
      message: 'Hallo',
      receivedTimestamp: '2026-03-02T10:00:00.5Z',
    };
    const [fromPascal] = acsSms.parse(asRequest(notification([received(pascal)])), config).activities;
    const [fromCamel] = acsSms.parse(asRequest(notification([received(camel)])), config).activities;
    expect(fromPascal).toEqual({
      type: 'inbound-message',
      providerMessageId: 'Incoming_1',
      from: '+31612345678',
      to: '+18445550100',
      text: 'Hallo',
      attachments: [],
      profileName: null,
      receivedAt: '2026-03-02T10:00:00.500Z',
    });
    expect(fromCamel).toEqual(fromPascal);
  });

  it('turns a batch of two texts into two messages and ignores events that are not SMS', () => {
    const req = asRequest(
      notification([
        received({ MessageId: 'Incoming_a', From: '31612345678', To: '18445550100', Message: 'een' }),
        { eventType: 'Microsoft.Communication.ChatMessageReceived', data: { messageId: 'chat-1' } },
        received({ MessageId: 'Incoming_b', From: '32470123456', To: '18445550100', Message: 'twee' }),
      ]),
    );
    const parsed = acsSms.parse(req, config);
    expect(parsed.reply).toMatchObject({ status: 200, body: '' });
    expect(parsed.activities.map((a) => [a.providerMessageId, a.type === 'inbound-message' && a.from])).toEqual([
      ['Incoming_a', '+31612345678'],
      ['Incoming_b', '+32470123456'],
    ]);
  });

  it('maps delivery reports: Delivered, Failed with its details, anything else still on its way', () => {
    const report = (DeliveryStatus: string, DeliveryStatusDetails?: string) => ({
      eventType: 'Microsoft.Communication.SMSDeliveryReportReceived',
      data: { MessageId: 'Outgoing_1', From: '18445550100', To: '31612345678', DeliveryStatus, DeliveryStatusDetails },
    });
    const statuses = acsSms.parse(
      asRequest(
        notification([report('Delivered', 'No error.'), report('Failed', 'Number blocked'), report('Pending')]),
      ),
      config,
    ).activities;
    expect(statuses).toMatchObject([
      { type: 'status', providerMessageId: 'Outgoing_1', status: 'delivered', reason: null },
      { type: 'status', status: 'failed', reason: 'Failed: Number blocked' },
      { type: 'status', status: 'sent', reason: null },
    ]);
  });

  it('refuses with a 400 what it cannot read, saying what is missing', () => {
    const cases: [string, string][] = [
      ['not json', 'not JSON'],
      ['{"eventType":"x"}', 'not a JSON array'],
      [JSON.stringify([{ eventType: 'Microsoft.Communication.SMSReceived' }]), 'has no data'],
      [JSON.stringify([received({ From: '31612345678', To: '18445550100', Message: 'x' })]), 'has no MessageId'],
      [JSON.stringify([received({ MessageId: 'Incoming_x', To: '18445550100', Message: 'x' })]), 'has no From'],
      [JSON.stringify([received({ MessageId: 'Incoming_x', From: 'ACME', To: '18445550100' })]), 'is not a number'],
    ];
    for (const [body, says] of cases) {
      const refused = refusal(asRequest({ ...notification([]), body }));
      expect(refused?.statusCode, body).toBe(400);
      expect(refused?.message, body).toContain(says);
    }
    const withoutCode = { ...subscriptionValidation(webhookUrl, config.webhookSecret, 'x'), body: '[]' };
    expect(refusal(asRequest(withoutCode))?.message).toContain('without a validation code');
  });

  it('refuses the CloudEvents OPTIONS handshake, which needs a reply header the seam cannot send', () => {
    const options = { ...asRequest(notification([])), method: 'OPTIONS', rawBody: Buffer.alloc(0) };
    options.headers['webhook-request-origin'] = 'eventgrid.azure.net';
    expect(refusal(options)).toMatchObject({ statusCode: 400 });
  });

  it("accepts only the token of the channel's own URL", () => {
    const signed = asRequest(notification([]));
    const token = new URL(signed.url).searchParams.get('secret')!;
    const otherChannel = `${webhookUrl.replace(/[^/]+$/, crypto.randomUUID())}?secret=${token}`;
    expect(acsSms.verify({ ...signed, url: otherChannel }, config)).toMatchObject({ ok: false });
    const without = acsSms.verify({ ...signed, url: webhookUrl }, config);
    expect(without).toMatchObject({ ok: false, reason: expect.stringContaining('no secret') });
    expect(acsSms.verify(signed, { ...config, webhookSecret: 'another-channel-secret-of-24+' })).toMatchObject({
      ok: false,
    });
  });
});

describe('ACS channel configuration', () => {
  it('normalises numbers to E.164 and says what is wrong with a bad connection string, secret or number', () => {
    const parsed = acsSms.config.parse({ ...config, numbers: ['+1 (844) 555-0100'], apiBaseUrl: undefined });
    expect(parsed).toMatchObject({ numbers: ['+18445550100'], apiBaseUrl: null });
    const problems = (input: Record<string, unknown>) =>
      acsSms.config.safeParse({ ...config, ...input }).error?.issues.map((i) => i.message) ?? [];
    expect(problems({ connectionString: 'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKey=k' })).toEqual([
      expect.stringContaining('endpoint=https://<name>.communication.azure.com/;accesskey=<base64 key>'),
    ]);
    expect(problems({ connectionString: `endpoint=http://x.communication.azure.com/;accesskey=${accessKey}` })).toEqual(
      [expect.stringContaining('https')],
    );
    expect(problems({ connectionString: 'endpoint=https://x.communication.azure.com/;accesskey=not base64!' })).toEqual(
      [expect.stringContaining('base64')],
    );
    expect(problems({ webhookSecret: 'short' })).toEqual([expect.stringContaining('24 characters')]);
    expect(problems({ numbers: ['call me'] })).toEqual([expect.stringContaining('"call me" is not a phone number')]);
    expect(problems({ numbers: [] })).toEqual([expect.stringContaining('at least one number')]);
    expect(problems({ region: 'westeurope' })).not.toEqual([]);
  });
});

describe('ACS send and its stand-in', () => {
  let server: FastifyInstance;
  let base: string;
  const standIn = acsStandIn(config);
  const outbound = (text: string): OutboundMessage => ({
    type: 'outbound-message',
    idempotencyKey: crypto.randomUUID(),
    to: '+31612345678',
    from: null,
    text,
    statusCallbackUrl: null,
  });

  beforeAll(async () => {
    server = Fastify();
    await standIn.register(server, '/acs');
    // An ACS that takes its time, for the timeout.
    server.post('/slow/sms', async () => new Promise((resolve) => setTimeout(() => resolve({ value: [] }), 3000)));
    base = await server.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server.close());

  it('refuses a request with a made-up signature with 401 Denied, and takes the SDK signed one', async () => {
    const body = JSON.stringify({ from: '+18445550100', smsRecipients: [{ to: '+31612345678' }], message: 'hi' });
    const answer = await fetch(`${base}/acs/sms?api-version=2021-03-07`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ms-date': new Date().toUTCString(),
        'x-ms-content-sha256': await sha256Base64(body),
        authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${'A'.repeat(43)}=`,
      },
      body,
    });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ error: { code: 'Denied', message: 'the signature does not match' } });
    const outcome = await acsSms.send(outbound('signed'), config, { apiBaseUrl: `${base}/acs`, timeoutMs: 2000 });
    expect(outcome).toMatchObject({ ok: true, status: 'queued' });
  });

  it('refuses a wrong access key with 401, as ACS does, and does not retry it', async () => {
    const wrongKey = Buffer.from('some other resource key, same length as ours!!!!!!').toString('base64');
    const other = { ...config, connectionString: `endpoint=https://x.communication.azure.com/;accesskey=${wrongKey}` };
    const outcome = await acsSms.send(outbound('wrong key'), other, { apiBaseUrl: `${base}/acs`, timeoutMs: 2000 });
    expect(outcome).toEqual({ ok: false, retryable: false, reason: 'ACS answered 401: the signature does not match' });
  });

  it("sends to apiBaseUrl when set, else to the connection string's endpoint, signing for either", async () => {
    const before = standIn.sent.length;
    // Elsewhere in the connection string, the stand-in in apiBaseUrl: the stand-in is reached and the key kept.
    const viaBaseUrl = await acsSms.send(outbound('via apiBaseUrl'), config, {
      apiBaseUrl: `${base}/acs`,
      timeoutMs: 2000,
    });
    expect(viaBaseUrl).toMatchObject({ ok: true });
    // The default (empty) base URL: the connection string's endpoint, here the stand-in.
    const local = { ...config, connectionString: `endpoint=${base}/acs/;accesskey=${accessKey}` };
    const viaEndpoint = await acsSms.send(outbound('via endpoint'), local, {
      apiBaseUrl: acsSms.defaultApiBaseUrl,
      timeoutMs: 2000,
    });
    expect(viaEndpoint).toMatchObject({ ok: true });
    expect(standIn.sent.slice(before).map((m) => m.text)).toEqual(['via apiBaseUrl', 'via endpoint']);
    // Plain http anywhere but loopback is refused before anything leaves.
    const remote = await acsSms.send(outbound('x'), config, { apiBaseUrl: 'http://acs.example.com', timeoutMs: 2000 });
    expect(remote).toMatchObject({ ok: false, retryable: false, reason: expect.stringContaining('plain http') });
  });

  it('sends a message once however often the outbox retries it, also after the provider was down', async () => {
    const before = standIn.sent.length;
    const message = outbound('Uw pakket komt morgen');
    const io = { apiBaseUrl: `${base}/acs`, timeoutMs: 2000 };
    standIn.failNext(503);
    expect(await acsSms.send(message, config, io)).toMatchObject({ ok: false, retryable: true });
    const first = await acsSms.send(message, config, io);
    const again = await acsSms.send(message, config, io);
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual(first);
    expect(standIn.sent.slice(before)).toHaveLength(1);
    // Another message with the same text is another message.
    expect(await acsSms.send(outbound('Uw pakket komt morgen'), config, io)).not.toEqual(first);
    expect(standIn.sent.slice(before)).toHaveLength(2);
  });

  it('gives up within its timeout and says the send may be retried', async () => {
    const started = Date.now();
    const outcome = await acsSms.send(outbound('slow'), config, { apiBaseUrl: `${base}/slow`, timeoutMs: 300 });
    expect(outcome).toEqual({ ok: false, retryable: true, reason: 'ACS did not answer within 300 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports the delivery of what it accepted with the tag it was sent with', async () => {
    const message = outbound('tagged');
    const outcome = await acsSms.send(message, config, { apiBaseUrl: `${base}/acs`, timeoutMs: 2000 });
    if (!outcome.ok) throw new Error(outcome.reason);
    const report = JSON.parse(standIn.status(webhookUrl, outcome.providerMessageId, 'delivered').body);
    expect(report[0].data).toMatchObject({
      MessageId: outcome.providerMessageId,
      Tag: message.idempotencyKey,
      To: '31612345678',
    });
  });
});

async function sha256Base64(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('base64');
}
