import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '@switchboard/protocol';
import { WebhookRefused, type SignedWebhook } from '../adapter.js';
import { asRequest, runChannelAdapterContract } from '../channel-adapter.contract.js';
import { CustomConfig, customChannel } from './adapter.js';
import { checkSignature, signatureOf, signedPost } from './signature.js';
import { customStandIn } from './stand-in.js';

const config: CustomConfig = {
  sharedSecret: 'swb-test-secret-0123456789abcdef0123',
  numbers: ['acme-support'],
  addressKind: 'opaque',
  apiBaseUrl: null,
};
const webhookUrl = 'https://switchboard.example/webhooks/custom/1b0e6c1e-95d4-4f0e-9a39-8c1e9c3f2a10';
const post = (payload: unknown, nowMs = Date.now(), secret = config.sharedSecret) =>
  signedPost(webhookUrl, secret, payload, nowMs);
const inboundOf = (fields: Record<string, unknown>) => ({
  type: 'inbound-message',
  id: 'm-1',
  from: 'noor',
  text: 'hi',
  ...fields,
});

runChannelAdapterContract(customChannel, {
  config,
  standIn: customStandIn,
  malformed: () => post({ activities: [{ type: 'inbound-message', id: 'm-1', from: 'noor' }] }),
  forge: (request) => {
    const headers = { ...request.headers };
    delete headers['X-Switchboard-Signature'];
    return { ...request, headers };
  },
  signsUrl: false,
});

describe('custom channel signatures', () => {
  const vector = {
    timestamp: '1714557000',
    body: Buffer.from(
      '{"activities":[{"type":"inbound-message","id":"m-1","from":"+31612345678","to":"+15555550100","text":"Hello"}]}',
    ),
  };
  const vectorSignature = 'v1=845224b470a3cd30305863ea91b5a5c94fe34f504ece60cf2b8abe6fbff3256b';
  const at = (seconds: number) => seconds * 1000;

  it("matches the README's test vector, computed with openssl", () => {
    expect(`v1=${signatureOf(config.sharedSecret, vector.timestamp, vector.body)}`).toBe(vectorSignature);
    const parts = { ...vector, signature: vectorSignature };
    expect(checkSignature(parts, config.sharedSecret, at(1714557000))).toEqual({ ok: true });
    expect(
      checkSignature(
        { ...parts, signature: vectorSignature.toUpperCase().replace('V1', 'v1') },
        config.sharedSecret,
        at(1714557000),
      ),
    ).toEqual({ ok: true });
  });

  it('takes a timestamp up to 5 minutes either side of the clock, and refuses one further', () => {
    const parts = { ...vector, signature: vectorSignature };
    for (const offset of [-300, 300]) {
      expect(checkSignature(parts, config.sharedSecret, at(1714557000 + offset))).toEqual({ ok: true });
    }
    for (const offset of [-301, 301]) {
      const late = checkSignature(parts, config.sharedSecret, at(1714557000 + offset));
      expect(late).toEqual({
        ok: false,
        reason: expect.stringMatching(/301 s from our clock, outside the 300 s window/),
      });
    }
  });

  it('refuses a webhook signed 6 minutes ago and takes one signed 4 minutes ago', () => {
    const body = { activities: [inboundOf({})] };
    const stale = customChannel.verify(asRequest(post(body, Date.now() - 6 * 60_000)), config);
    expect(stale).toEqual({ ok: false, reason: expect.stringMatching(/window/) });
    expect(customChannel.verify(asRequest(post(body, Date.now() - 4 * 60_000)), config)).toEqual({ ok: true });
  });

  it('refuses a signature made over another timestamp, or with the timestamp changed after signing', () => {
    const signed = post({ activities: [inboundOf({})] });
    const timestamp = signed.headers['X-Switchboard-Timestamp']!;
    const moved = {
      ...signed,
      headers: { ...signed.headers, 'X-Switchboard-Timestamp': String(Number(timestamp) - 60) },
    };
    expect(customChannel.verify(asRequest(moved), config)).toEqual({
      ok: false,
      reason: expect.stringMatching(/does not match/),
    });
    const otherStamp = String(Number(timestamp) + 1);
    const overOther = `v1=${signatureOf(config.sharedSecret, otherStamp, signed.body)}`;
    const mixed = { ...signed, headers: { ...signed.headers, 'X-Switchboard-Signature': overOther } };
    expect(customChannel.verify(asRequest(mixed), config).ok).toBe(false);
  });

  it.each([
    [{ 'X-Switchboard-Timestamp': undefined }, /no X-Switchboard-Timestamp/],
    [{ 'X-Switchboard-Timestamp': '2024-05-01T09:50:00Z' }, /not unix seconds/],
    [{ 'X-Switchboard-Signature': 'sha256=abc' }, /not "v1=" and 64 hex digits/],
  ])('says which header is wrong: %j', (change, reason) => {
    const signed = post({ activities: [inboundOf({})] });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...signed.headers, ...change })) if (v !== undefined) headers[k] = v;
    expect(customChannel.verify(asRequest({ ...signed, headers }), config)).toEqual({
      ok: false,
      reason: expect.stringMatching(reason),
    });
  });
});

describe('custom channel posts', () => {
  const parse = (payload: unknown, c: CustomConfig = config) => customChannel.parse(asRequest(post(payload)), c);

  it('reads several activities of one post, in order, and answers how many', () => {
    const parsed = parse({
      activities: [
        inboundOf({
          id: 'm-1',
          to: 'acme-support',
          attachments: [
            { url: 'https://files.example/a.jpg', contentType: 'image/jpeg' },
            { url: 'https://files.example/b' },
          ],
          profileName: 'Noor',
          receivedAt: '2024-05-01T11:49:58+02:00',
        }),
        { type: 'status', id: 'prog-7', status: 'read' },
        { type: 'status', id: 'prog-8', status: 'failed', reason: 'handset off', at: '2024-05-01T09:50:00Z' },
        inboundOf({ id: 'm-2', from: 'sam', text: '', attachments: [{ url: 'https://files.example/c.pdf' }] }),
      ],
    });
    expect(parsed.reply).toEqual({ status: 200, contentType: 'application/json', body: '{"ok":true,"received":4}' });
    expect(parsed.activities).toEqual([
      {
        type: 'inbound-message',
        providerMessageId: 'm-1',
        from: 'noor',
        to: 'acme-support',
        text: 'hi',
        attachments: [
          { url: 'https://files.example/a.jpg', contentType: 'image/jpeg' },
          { url: 'https://files.example/b', contentType: null },
        ],
        profileName: 'Noor',
        receivedAt: '2024-05-01T09:49:58.000Z',
      },
      { type: 'status', providerMessageId: 'prog-7', status: 'read', reason: null, at: null },
      {
        type: 'status',
        providerMessageId: 'prog-8',
        status: 'failed',
        reason: 'handset off',
        at: '2024-05-01T09:50:00.000Z',
      },
      expect.objectContaining({ providerMessageId: 'm-2', from: 'sam', to: 'acme-support', text: '' }),
    ]);
  });

  it("with addressKind 'phone', keeps every address in E.164 and refuses what is not a number", () => {
    const phone = CustomConfig.parse({ ...config, addressKind: 'phone', numbers: ['0015555550100', '31612345678'] });
    expect(phone.numbers).toEqual(['+15555550100', '+31612345678']);
    const refused = CustomConfig.safeParse({
      ...config,
      addressKind: 'phone',
      numbers: ['+15555550100', 'acme-support'],
    });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['numbers', 1],
      message: expect.stringMatching(/not a phone number/),
    });
    // Opaque addresses are kept as written, trimmed.
    expect(CustomConfig.parse({ ...config, numbers: [' acme-support '] }).numbers).toEqual(['acme-support']);

    const [message] = parse(
      { activities: [inboundOf({ from: '0031 6 1234 5678', to: '31612345678' })] },
      phone,
    ).activities;
    expect(message).toMatchObject({ from: '+31612345678', to: '+31612345678' });
    expect(() => parse({ activities: [inboundOf({ from: 'noor' })] }, phone)).toThrow(
      /activities\[0\]\.from: "noor" is not a phone number/,
    );
  });

  it('takes a configuration only with a long enough secret and an http(s) outbound URL', () => {
    expect(CustomConfig.parse({ sharedSecret: config.sharedSecret, numbers: ['bot'] })).toEqual({
      sharedSecret: config.sharedSecret,
      numbers: ['bot'],
      addressKind: 'opaque',
      apiBaseUrl: null,
    });
    const problem = (c: Record<string, unknown>) =>
      CustomConfig.safeParse({ ...config, ...c }).error?.issues[0]?.message;
    expect(problem({ sharedSecret: 'x'.repeat(31) })).toMatch(/at least 32 characters/);
    expect(problem({ sharedSecret: `${'x'.repeat(32)} y` })).toMatch(/printable ASCII/);
    expect(problem({ numbers: [] })).toMatch(/at least one/);
    expect(problem({ apiBaseUrl: 'ftp://program.example/in' })).toMatch(/http or https/);
    expect(problem({ outboundUrl: 'https://program.example/in' })).toBeDefined();
  });

  it.each([
    ['not JSON', 'activities=1', /^the body is not JSON$/],
    ['not an object', '[1, 2]', /JSON object with an activities list/],
    ['without activities', '{}', /activities is required/],
    ['with no activities', '{"activities":[]}', /activities is empty/],
    [
      'with over 100 activities',
      { activities: Array.from({ length: 101 }, (_, i) => inboundOf({ id: `m-${i}` })) },
      /at most 100 activities/,
    ],
    [
      'of an unknown type',
      { activities: [inboundOf({}), { type: 'typing', id: 'x' }] },
      /^activities\[1\]\.type: type is "inbound-message" or "status"$/,
    ],
    ['without an id', { activities: [inboundOf({ id: undefined })] }, /^activities\[0\]\.id: id is required/],
    ['with an empty id', { activities: [inboundOf({ id: '  ' })] }, /^activities\[0\]\.id: id is required/],
    ['without from', { activities: [inboundOf({ from: undefined })] }, /^activities\[0\]\.from: from is required/],
    ['without text', { activities: [inboundOf({ text: undefined })] }, /^activities\[0\]\.text: text is required/],
    ['with empty text and nothing attached', { activities: [inboundOf({ text: ' ' })] }, /needs text or an attachment/],
    [
      'with a control character',
      { activities: [inboundOf({ text: 'a\u0007b' })] },
      /^activities\[0\]\.text: contains a control character/,
    ],
    [
      'to an address not ours',
      { activities: [inboundOf({ to: 'someone-else' })] },
      /^activities\[0\]\.to: "someone-else" is not one of this channel's addresses \(acme-support\)$/,
    ],
    [
      'with an attachment that is not a URL',
      { activities: [inboundOf({ attachments: [{ url: 'c:/x' }] })] },
      /attachments\[0\]\.url: an attachment url is an http\(s\) URL/,
    ],
    [
      'with an unknown status',
      { activities: [{ type: 'status', id: 'p-1', status: 'queued' }] },
      /^activities\[0\]\.status: status is one of sent, delivered, read, failed$/,
    ],
    [
      'with a timestamp not ISO 8601',
      { activities: [{ type: 'status', id: 'p-1', status: 'read', at: 'yesterday' }] },
      /activities\[0\]\.at: at is an ISO 8601 timestamp/,
    ],
  ])('refuses a post %s with a 400 saying what is wrong', (_what, body, message) => {
    const signed: SignedWebhook = typeof body === 'string' ? { ...post({}), body } : post(body);
    let refused: unknown;
    try {
      customChannel.parse(asRequest(signed), config);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(WebhookRefused);
    expect(refused).toMatchObject({ statusCode: 400, message: expect.stringMatching(message) });
  });
});

describe('custom channel replies', () => {
  let server: FastifyInstance;
  let base: string;
  const standIn = customStandIn(config);
  const seen: { headers: Record<string, unknown>; body: string }[] = [];
  const outbound = (text = 'Uw pakket komt morgen'): OutboundMessage => ({
    type: 'outbound-message',
    idempotencyKey: crypto.randomUUID(),
    to: 'noor',
    from: null,
    text,
    statusCallbackUrl: webhookUrl,
  });
  const io = (path: string, timeoutMs = 2000) => ({ apiBaseUrl: `${base}${path}`, timeoutMs });

  beforeAll(async () => {
    server = Fastify();
    await standIn.register(server, '/program/in');
    // A program that takes everything and answers no id of its own; and one that moved.
    server.post('/quiet', async (req, reply) => {
      seen.push({ headers: req.headers, body: JSON.stringify(req.body) });
      return reply.code(202).send();
    });
    server.post('/moved', async (_req, reply) => reply.code(308).header('location', `${base}/program/in`).send());
    base = await server.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server.close());

  it('posts the reply signed, the message id as Idempotency-Key; a retry gets the same id', async () => {
    const message = outbound();
    const first = await customChannel.send(message, config, io('/program/in'));
    expect(first).toEqual({ ok: true, providerMessageId: expect.stringMatching(/^prog_/), status: 'sent' });
    expect(await customChannel.send(message, config, io('/program/in'))).toEqual(first);
    expect(standIn.sent.filter((m) => first.ok && m.providerMessageId === first.providerMessageId)).toHaveLength(1);

    const quiet = outbound('a program with no ids');
    expect(await customChannel.send(quiet, config, io('/quiet'))).toEqual({
      ok: true,
      providerMessageId: quiet.idempotencyKey,
      status: 'sent',
    });
    const { headers, body } = seen.at(-1)!;
    expect(JSON.parse(body)).toEqual({
      type: 'outbound-message',
      id: quiet.idempotencyKey,
      to: 'noor',
      from: 'acme-support',
      text: 'a program with no ids',
    });
    expect(headers['idempotency-key']).toBe(quiet.idempotencyKey);
    expect(headers['x-switchboard-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it('says a missing or unusable outbound URL and a redirect are not worth retrying', async () => {
    const none = { apiBaseUrl: customChannel.defaultApiBaseUrl, timeoutMs: 2000 };
    expect(await customChannel.send(outbound(), config, none)).toEqual({
      ok: false,
      retryable: false,
      reason: 'no outbound URL set: give the channel the URL where its program takes replies',
    });
    const ftp = { apiBaseUrl: 'ftp://program.example/in', timeoutMs: 2000 };
    expect(await customChannel.send(outbound(), config, ftp)).toMatchObject({ ok: false, retryable: false });
    const before = standIn.sent.length;
    expect(await customChannel.send(outbound(), config, io('/moved'))).toEqual({
      ok: false,
      retryable: false,
      reason: 'the program answered 308',
    });
    expect(standIn.sent.length).toBe(before);
  });

  it('gives up on a program that does not answer within the timeout, and says it may be retried', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const apiBaseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/in`;
    try {
      expect(await customChannel.send(outbound(), config, { apiBaseUrl, timeoutMs: 200 })).toEqual({
        ok: false,
        retryable: true,
        reason: 'the program did not answer within 200 ms',
      });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  describe('the stand-in program', () => {
    const json = JSON.stringify({ type: 'outbound-message', id: 'r-1', to: 'noor', from: 'acme-support', text: 'hi' });
    /** Signed by hand, as README.md says, without the adapter's code. */
    const signedBy = (secret: string, timestamp: number) => ({
      'Content-Type': 'application/json',
      'Idempotency-Key': 'r-1',
      'X-Switchboard-Timestamp': String(timestamp),
      'X-Switchboard-Signature': `v1=${createHmac('sha256', secret).update(`${timestamp}.${json}`).digest('hex')}`,
    });
    const send = (headers: Record<string, string>) =>
      fetch(`${base}/program/in`, { method: 'POST', headers, body: json });
    const now = () => Math.floor(Date.now() / 1000);

    it('refuses an unsigned post, another secret and a stale timestamp with 401, and takes a signed one', async () => {
      const unsigned = await send({ 'Content-Type': 'application/json', 'Idempotency-Key': 'r-1' });
      expect(unsigned.status).toBe(401);
      expect(await unsigned.json()).toEqual({ error: 'no X-Switchboard-Timestamp header' });
      expect((await send(signedBy(`${config.sharedSecret}x`, now()))).status).toBe(401);
      expect((await send(signedBy(config.sharedSecret, now() - 360))).status).toBe(401);
      const taken = await send(signedBy(config.sharedSecret, now()));
      expect(taken.status).toBe(200);
      expect(await taken.json()).toEqual({ id: standIn.sent.at(-1)!.providerMessageId });
      expect(standIn.sent.at(-1)).toMatchObject({ to: 'noor', from: 'acme-support', text: 'hi' });
    });

    it('requires the Idempotency-Key to be the message id', async () => {
      const res = await send({ ...signedBy(config.sharedSecret, now()), 'Idempotency-Key': 'r-2' });
      expect(res.status).toBe(400);
    });

    it("mounts beside a host app's own JSON parser without taking it over", async () => {
      const host = Fastify();
      host.post('/host/json', async (req) => req.body);
      const hosted = customStandIn(config);
      await hosted.register(host, '/program');
      const address = await host.listen({ host: '127.0.0.1', port: 0 });
      try {
        const outcome = await customChannel.send(outbound(), config, {
          apiBaseUrl: `${address}/program`,
          timeoutMs: 2000,
        });
        expect(outcome).toMatchObject({ ok: true });
        const echoed = await fetch(`${address}/host/json`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"a":1}',
        });
        expect(await echoed.json()).toEqual({ a: 1 });
      } finally {
        await host.close();
      }
    });
  });
});
