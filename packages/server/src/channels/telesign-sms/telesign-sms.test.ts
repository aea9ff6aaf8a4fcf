import Fastify, { type FastifyInstance } from 'fastify';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '@switchboard/protocol';
import { WebhookRefused, type SignedWebhook } from '../adapter.js';
import { asRequest, runChannelAdapterContract } from '../channel-adapter.contract.js';
import { TeleSignConfig, telesignSms } from './adapter.js';
import { signWithApiKey } from './signature.js';
import { telesignStandIn } from './stand-in.js';

const config: TeleSignConfig = {
  customerId: '1A2B3C4D-5E6F-4A8B-9C0D-1E2F3A4B5C6D',
  apiKey: 'c3VwZXItc2VjcmV0LWtleS1ieXRlcw==',
  numbers: ['+15555550100'],
  messageType: 'ARN',
  apiBaseUrl: null,
};
const otherKey = 'b3RoZXItYWNjb3VudHMta2V5LWJ5dGVz';
const webhookUrl = 'https://switchboard.example/webhooks/telesign/1b0e6c1e-95d4-4f0e-9a39-8c1e9c3f2a10';

/** A callback signed as TeleSign signs it, with whatever body a test needs. */
function signedCallback(body: string, apiKey = config.apiKey): SignedWebhook {
  const authorization = `TSA ${config.customerId}:${signWithApiKey(apiKey, body)}`;
  return {
    url: webhookUrl,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorization },
    body,
  };
}

runChannelAdapterContract(telesignSms, {
  config,
  standIn: telesignStandIn,
  malformed: () => signedCallback(JSON.stringify({ sub_resource: 'mo_sms', user_response: { mo_message: 'hi' } })),
  forge: (request) => signedCallback(request.body, otherKey),
  signsUrl: false,
});

describe('TeleSign callback signatures', () => {
  const vector = '{"reference_id":"0123456789ABCDEF0123456789ABCDEF","sub_resource":"mo_sms"}';
  const vectorConfig = { ...config, apiKey: 'c3VwZXItc2VjcmV0LWtleS1ieXRlcw==' };
  const request = (headers: Record<string, string>, body = vector) =>
    asRequest({ url: webhookUrl, method: 'POST', headers, body });

  it('matches the reference vector, in the Authorization header and bare in X-TS-Authorization', () => {
    const signature = '20EliFg6UDEcez9NBVzlIO+nydgqpLu2kHyD9tkfh0A=';
    expect(signWithApiKey(vectorConfig.apiKey, vector)).toBe(signature);
    expect(
      telesignSms.verify(request({ Authorization: `TSA ${config.customerId}:${signature}` }), vectorConfig),
    ).toEqual({
      ok: true,
    });
    expect(telesignSms.verify(request({ 'X-TS-Authorization': signature }), vectorConfig)).toEqual({ ok: true });
  });

  it("refuses a callback signed with another account's key or customer id", () => {
    const text = { from: '+31612345678', to: '+15555550100', body: 'hi' };
    for (const other of [
      { ...config, apiKey: otherKey },
      { ...config, customerId: 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890' },
    ]) {
      expect(telesignSms.verify(asRequest(telesignStandIn(other).inbound(webhookUrl, text)), config).ok).toBe(false);
    }
  });

  it('refuses a missing signature, another customer id and a body changed after signing, saying which', () => {
    const signature = signWithApiKey(config.apiKey, vector);
    const cases = [
      [request({}), /no TeleSign signature/],
      [request({ Authorization: `TSA FFFFFFFF-EEEE-DDDD-1234-AB1234567890:${signature}` }), /customer/],
      [
        request({ Authorization: `TSA ${config.customerId}:${signature}` }, vector.replace('mo_sms', 'mo_rcs')),
        /match/,
      ],
      [request({ Authorization: `TSA ${config.customerId}` }), /not "TSA/],
    ] as const;
    for (const [req, reason] of cases) {
      const result = telesignSms.verify(req, config);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
  });
});

describe('TeleSign configuration', () => {
  const entered = { customerId: config.customerId, apiKey: config.apiKey, numbers: ['15555550100'] };

  it('takes our numbers as digits with the country code, as the TeleSign portal writes them', () => {
    const parsed = TeleSignConfig.parse({ ...entered, numbers: ['15555550100', '+31 6 12345678'] });
    expect(parsed).toEqual({
      ...entered,
      numbers: ['+15555550100', '+31612345678'],
      messageType: 'ARN',
      apiBaseUrl: null,
    });
  });

  it('refuses what is not a number, a customer id or a base64 key, with a message that says so', () => {
    const problems = (value: unknown) => TeleSignConfig.safeParse(value).error?.issues.map((i) => i.message) ?? [];
    expect(problems({ ...entered, numbers: ['call me'] })).toEqual([
      expect.stringMatching(/"call me" is not a phone number/),
    ]);
    expect(problems({ ...entered, numbers: [] })).toEqual([expect.stringMatching(/number/)]);
    expect(problems({ ...entered, customerId: 'my-account' })).toEqual([expect.stringMatching(/customer id/)]);
    expect(problems({ ...entered, apiKey: 'not base64!' })).toEqual([expect.stringMatching(/base64/)]);
    expect(problems({ ...entered, messageType: 'SPAM' })).toHaveLength(1);
    expect(problems({ ...entered, apiBaseUrl: 'ftp://example.com' })).toHaveLength(1);
    expect(problems({ ...entered, accountSid: 'AC123' })).toHaveLength(1);
  });
});

describe('TeleSign callbacks as activities', () => {
  const parse = (body: object | string) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return telesignSms.parse(asRequest(signedCallback(text)), config);
  };
  const referenceId = 'B56259E45884010488343BAA15FB0002';

  it('keeps a STOP keyword as the message the customer sent', () => {
    const standIn = telesignStandIn(config);
    const signed = standIn.inbound(webhookUrl, { from: '+31612345678', to: '+15555550100', body: 'STOP' });
    expect(JSON.parse(signed.body)).toMatchObject({ user_response: { action: 'stop', keyword: 'stop' } });
    const parsed = telesignSms.parse(asRequest(signed), config);
    expect(parsed.activities).toEqual([expect.objectContaining({ type: 'inbound-message', text: 'STOP' })]);
    expect(parsed.reply).toEqual({ status: 200, contentType: 'text/plain', body: '' });
  });

  it('writes numbers in E.164 and keeps a short code as TeleSign wrote it', () => {
    const mo = (user_response: object) => ({ reference_id: referenceId, sub_resource: 'mo_sms', user_response });
    expect(
      parse(mo({ phone_number: '11234567890', mo_message: 'Start', sender_id: '4442' })).activities[0],
    ).toMatchObject({
      from: '+11234567890',
      to: '4442',
      providerMessageId: referenceId,
    });
    expect(parse(mo({ phone_number: 31612345678, mo_message: 'hoi' })).activities[0]).toMatchObject({
      from: '+31612345678',
      to: '+15555550100',
    });
  });

  it.each([
    [203, 'Delivered to gateway', 'sent', null],
    [290, 'Message in progress', 'queued', null],
    [292, 'Queued by gateway', 'sent', null],
    [237, 'Message blocked in requested country', 'failed', 'TeleSign 237: Message blocked in requested country'],
    [299, 'Something new', 'failed', 'TeleSign 299: Something new'],
  ] as const)('reads delivery report code %i (%s) as %s', (code, description, status, reason) => {
    const updated_on = '2016-10-21T14:05:36.181346Z';
    const [update] = parse({ reference_id: referenceId, status: { code, description, updated_on } }).activities;
    expect(update).toEqual({
      type: 'status',
      providerMessageId: referenceId,
      status,
      reason,
      at: '2016-10-21T14:05:36.181Z',
    });
  });

  it.each([
    ['not JSON', 'reference_id=1', /not JSON/],
    ['without a reference_id', { status: { code: 200 } }, /reference_id/],
    [
      'an MO without a phone number',
      { reference_id: referenceId, user_response: { mo_message: 'hi' } },
      /phone number/,
    ],
    ['neither MO nor report', { reference_id: referenceId, status: { description: 'x' } }, /neither/],
    ['an RCS message', { reference_id: referenceId, sub_resource: 'mo_rcs', content: { text: 'hi' } }, /not SMS/],
  ])('refuses a callback that is %s with a 400', (_what, body, message) => {
    let refused: unknown;
    try {
      parse(body);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(WebhookRefused);
    expect(refused).toMatchObject({ statusCode: 400, message: expect.stringMatching(message) });
  });
});

describe('TeleSign Messaging API stand-in', () => {
  let server: FastifyInstance;
  let baseUrl: string;
  const standIn = telesignStandIn(config);
  const outbound = (to: string): OutboundMessage => ({
    type: 'outbound-message',
    idempotencyKey: crypto.randomUUID(),
    to,
    from: null,
    text: 'Uw pakket komt morgen',
    statusCallbackUrl: null,
  });

  beforeAll(async () => {
    server = Fastify();
    await standIn.register(server, '/telesign');
    baseUrl = `${await server.listen({ host: '127.0.0.1', port: 0 })}/telesign`;
  });
  afterAll(() => server.close());

  /** A request signed by hand over TeleSign's string to sign, to check the stand-in without the SDK. */
  function post(
    body: string,
    { key = config.apiKey, nonce = crypto.randomUUID(), date = new Date().toUTCString() } = {},
  ) {
    const contentType = 'application/x-www-form-urlencoded';
    const toSign = [
      'POST',
      contentType,
      date,
      'x-ts-auth-method:HMAC-SHA256',
      `x-ts-nonce:${nonce}`,
      body,
      '/v1/messaging',
    ];
    return fetch(`${baseUrl}/v1/messaging`, {
      method: 'POST',
      headers: {
        'Content-Type': contentType,
        Date: date,
        'x-ts-auth-method': 'HMAC-SHA256',
        'x-ts-nonce': nonce,
        Authorization: `TSA ${config.customerId}:${signWithApiKey(key, toSign.join('\n'))}`,
      },
      body,
    });
  }
  const form = 'phone_number=31612345678&message=hi&message_type=ARN';

  it('accepts the signature it recomputes, and refuses a made-up one or another key with 401', async () => {
    const accepted = await post(form);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({
      reference_id: expect.stringMatching(/^[0-9A-F]{32}$/),
      status: { code: 290 },
    });
    expect(standIn.sent.at(-1)).toMatchObject({ to: '+31612345678', from: '+15555550100', text: 'hi' });

    const madeUp = await fetch(`${baseUrl}/v1/messaging`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Date: new Date().toUTCString(),
        'x-ts-auth-method': 'HMAC-SHA256',
        'x-ts-nonce': crypto.randomUUID(),
        Authorization: `TSA ${config.customerId}:bWFkZS11cC1zaWduYXR1cmU=`,
      },
      body: form,
    });
    expect(madeUp.status).toBe(401);
    expect(await madeUp.json()).toMatchObject({
      status: { code: 501, description: 'Not authorized' },
      errors: [{ code: 10008, description: 'Invalid Signature.' }],
    });
    expect((await post(form, { key: otherKey })).status).toBe(401);
  });

  it('refuses a replayed nonce and a stale Date, as TeleSign does', async () => {
    const nonce = crypto.randomUUID();
    expect((await post(form, { nonce })).status).toBe(200);
    const replayed = await post(form, { nonce });
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ errors: [{ code: 10002 }] });
    const stale = await post(form, { date: new Date(Date.now() - 3_600_000).toUTCString() });
    expect(await stale.json()).toMatchObject({ errors: [{ code: 10004 }] });
  });

  it('takes Basic credentials too, and requires a phone number in digits and a message', async () => {
    const basic = (key: string, body: string) =>
      fetch(`${baseUrl}/v1/messaging`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'x-ts-auth-method': 'Basic',
          Authorization: `Basic ${Buffer.from(`${config.customerId}:${key}`).toString('base64')}`,
        },
        body,
      });
    expect((await basic(config.apiKey, form)).status).toBe(200);
    expect((await basic(otherKey, form)).status).toBe(401);
    for (const [body, code] of [
      ['message=hi&message_type=ARN', 12000],
      ['phone_number=%2B31612345678&message=hi&message_type=ARN', 11000],
      ['phone_number=31612345678&message_type=ARN', 12009],
    ] as const) {
      const refused = await post(body);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ errors: [{ code }] });
    }
  });

  it('sends through the SDK, with the answer mapped and a number the adapter cannot read refused', async () => {
    const io = { apiBaseUrl: `${baseUrl}/`, timeoutMs: 2000 };
    expect(await telesignSms.send(outbound('+31612345678'), config, io)).toMatchObject({ ok: true, status: 'queued' });
    standIn.failNext(401);
    expect(await telesignSms.send(outbound('+31612345678'), config, io)).toEqual({
      ok: false,
      retryable: false,
      reason: 'TeleSign answered 401: Not authorized (10008 Invalid Signature.)',
    });
    expect(await telesignSms.send(outbound('call me'), config, io)).toMatchObject({ ok: false, retryable: false });
  });

  it("mounts beside a host app's own form parser without taking it over", async () => {
    const host = Fastify();
    host.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    host.post('/host/form', async (req) => req.body);
    const hosted = telesignStandIn(config);
    await hosted.register(host, '/telesign');
    const address = await host.listen({ host: '127.0.0.1', port: 0 });
    try {
      const io = { apiBaseUrl: `${address}/telesign`, timeoutMs: 2000 };
      expect(await telesignSms.send(outbound('+31612345678'), config, io)).toMatchObject({ ok: true });
      const echoed = await fetch(`${address}/host/form`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      });
      expect(await echoed.json()).toEqual({ a: '1' });
    } finally {
      await host.close();
    }
  });

  it('gives up on a TeleSign that does not answer within the timeout, and says it may be retried', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const apiBaseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const outcome = await telesignSms.send(outbound('+31612345678'), config, { apiBaseUrl, timeoutMs: 200 });
      expect(outcome).toEqual({ ok: false, retryable: true, reason: 'TeleSign did not answer within 200 ms' });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
