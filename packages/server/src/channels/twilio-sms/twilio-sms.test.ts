import { createHmac } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '@switchboard/protocol';
import { WebhookRefused, type SignedWebhook, type WebhookRequest } from '../adapter.js';
import { asRequest, runChannelAdapterContract } from '../channel-adapter.contract.js';
import { twilioSms, type TwilioConfig } from './adapter.js';
import { countSegments } from './segments.js';
import { twilioStandIn } from './stand-in.js';

const config: TwilioConfig = {
  accountSid: 'AC' + '0123456789abcdef'.repeat(2),
  authToken: 'f3c1e0b6a9d24c7e8b5a1f0d2c3e4b5a',
  numbers: ['+15017122661'],
  messagingServiceSid: null,
  apiBaseUrl: null,
};
const webhookUrl = 'https://switchboard.example/webhooks/twilio/1b0e6c1e-95d4-4f0e-9a39-8c1e9c3f2a10';
const customer = '+31612345678';

/** Signs as protocols say Twilio does, without the SDK: URL, then every key+value sorted by key. */
function signByHand(token: string, url: string, pairs: [string, string][]): string {
  const sorted = [...pairs].sort(([a, va], [b, vb]) => (a === b ? (va < vb ? -1 : 1) : a < b ? -1 : 1));
  const data = sorted.reduce((acc, [key, value]) => acc + key + value, url);
  return createHmac('sha1', token).update(data, 'utf8').digest('base64');
}

/** A form webhook to `url` signed by hand over `pairs`, as our route hands it to the adapter. */
function webhook(pairs: [string, string][], url = webhookUrl, signedUrl = url): WebhookRequest {
  return asRequest({
    url,
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signByHand(config.authToken, signedUrl, pairs),
    },
    body: new URLSearchParams(pairs).toString(),
  });
}

const inboundPairs = (extra: [string, string][] = []): [string, string][] => [
  ['MessageSid', 'SM' + 'a'.repeat(32)],
  ['AccountSid', config.accountSid],
  ['From', customer],
  ['To', config.numbers[0]!],
  ['Body', 'Hallo'],
  ['NumMedia', '0'],
  ...extra,
];

runChannelAdapterContract(twilioSms, {
  config,
  standIn: twilioStandIn,
  malformed: (url): SignedWebhook => {
    const params = { AccountSid: config.accountSid, From: customer, To: config.numbers[0]!, Body: 'no sid' };
    return {
      url,
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(config.authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    };
  },
  // The signature stays, the text changes: what someone replaying a captured request would try.
  forge: (request) => ({ ...request, body: request.body.replace(/Body=[^&]*/, 'Body=Betaal+hier') }),
  signsUrl: true,
});

describe('Twilio configuration', () => {
  const parse = (patch: Record<string, unknown>) => twilioSms.config.safeParse({ ...config, ...patch });

  it('keeps our numbers in E.164 and says which entry is not a number', () => {
    expect(parse({ numbers: ['+1 (501) 712-2661'] }).data?.numbers).toEqual(['+15017122661']);
    const refused = parse({ numbers: ['+15017122661', 'reception desk'] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['numbers', 1],
      message: expect.stringContaining('not a phone number'),
    });
  });

  it('needs a number unless a messaging service picks one', () => {
    expect(parse({ numbers: [] }).success).toBe(false);
    expect(parse({ numbers: [], messagingServiceSid: 'MG' + 'b'.repeat(32) }).success).toBe(true);
  });

  it('refuses malformed SIDs, a non-http base URL and fields it does not know', () => {
    expect(parse({ accountSid: 'AC123' }).success).toBe(false);
    expect(parse({ messagingServiceSid: 'SM' + 'b'.repeat(32) }).success).toBe(false);
    expect(parse({ apiBaseUrl: 'ftp://api.twilio.com' }).success).toBe(false);
    expect(parse({ apiBaseUrl: 'http://127.0.0.1:4010/demo/providers/twilio' }).success).toBe(true);
    expect(parse({ apiKey: 'x' }).success).toBe(false);
  });
});

describe('Twilio webhook signature', () => {
  it("validates Twilio's documented vector through verify", () => {
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    const pairs: [string, string][] = [
      ['CallSid', 'CA1234567890ABCDE'],
      ['Caller', '+12349013030'],
      ['Digits', '1234'],
      ['From', '+12349013030'],
      ['To', '+18005551212'],
    ];
    const req = (body: string) =>
      asRequest({
        url,
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
        },
        body,
      });
    const vectorConfig = { ...config, authToken: '12345' };
    expect(twilioSms.verify(req(new URLSearchParams(pairs).toString()), vectorConfig)).toEqual({ ok: true });
    const tampered = new URLSearchParams(pairs.map(([k, v]) => [k, k === 'Digits' ? '1235' : v])).toString();
    expect(twilioSms.verify(req(tampered), vectorConfig).ok).toBe(false);
  });

  it('covers repeated keys and parameters Twilio added without notice', () => {
    const extra: [string, string][] = [
      ['Referral', 'b'],
      ['Referral', 'a'],
      ['ButtonPayload', 'yes'],
      ['NewField2031', 'x'],
    ];
    expect(twilioSms.verify(webhook(inboundPairs(extra)), config)).toEqual({ ok: true });
    // Signed over the parameters we read only: a whitelist would let the extra ones be changed freely.
    const req = webhook(inboundPairs(extra));
    const subset = webhook(inboundPairs());
    expect(twilioSms.verify({ ...req, headers: subset.headers }, config).ok).toBe(false);
  });

  it('accepts a signature over the URL with or without its default port', () => {
    const withPort = webhookUrl.replace('switchboard.example', 'switchboard.example:443');
    expect(twilioSms.verify(webhook(inboundPairs(), webhookUrl, withPort), config)).toEqual({ ok: true });
    expect(twilioSms.verify(webhook(inboundPairs(), withPort, webhookUrl), config)).toEqual({ ok: true });
  });

  it('refuses a webhook signed with another auth token', () => {
    const otherAccount = twilioStandIn({ ...config, authToken: 'a'.repeat(32) });
    const signed = otherAccount.inbound(webhookUrl, { from: customer, to: config.numbers[0]!, body: 'hi' });
    expect(twilioSms.verify(asRequest(signed), config).ok).toBe(false);
    expect(twilioSms.verify(asRequest(signed), { ...config, authToken: 'a'.repeat(32) })).toEqual({ ok: true });
  });

  it('says the header is missing when it is', () => {
    const req = webhook(inboundPairs());
    const result = twilioSms.verify({ ...req, headers: { 'content-type': req.headers['content-type'] } }, config);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('X-Twilio-Signature') });
  });
});

describe('Twilio webhook parsing', () => {
  it('reads WhatsApp numbers as E.164 and keeps the profile name', () => {
    const req = webhook([
      ['MessageSid', 'SM' + 'c'.repeat(32)],
      ['From', `whatsapp:${customer}`],
      ['To', `whatsapp:${config.numbers[0]}`],
      ['Body', 'Hoi'],
      ['ProfileName', 'Anouk'],
      ['WaId', '31612345678'],
    ]);
    expect(twilioSms.parse(req, config).activities).toEqual([
      expect.objectContaining({ from: customer, to: config.numbers[0], text: 'Hoi', profileName: 'Anouk' }),
    ]);
  });

  it('turns MMS media into attachments', () => {
    const req = webhook(
      inboundPairs([
        ['NumMedia', '2'],
        ['MediaUrl0', 'https://api.twilio.com/media/ME1'],
        ['MediaContentType0', 'image/jpeg'],
        ['MediaUrl1', 'https://api.twilio.com/media/ME2'],
      ]).filter(([key, value]) => !(key === 'NumMedia' && value === '0')),
    );
    expect(twilioSms.parse(req, config).activities[0]).toMatchObject({
      attachments: [
        { url: 'https://api.twilio.com/media/ME1', contentType: 'image/jpeg' },
        { url: 'https://api.twilio.com/media/ME2', contentType: null },
      ],
    });
  });

  it('answers with exactly the empty TwiML response', () => {
    expect(twilioSms.parse(webhook(inboundPairs()), config).reply).toEqual({
      status: 200,
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><Response/>',
    });
  });

  it('maps status callbacks onto our statuses and drops the ones that say nothing', () => {
    const status = (messageStatus: string, extra: [string, string][] = []) =>
      twilioSms.parse(
        webhook([['MessageSid', 'SM' + 'd'.repeat(32)], ['MessageStatus', messageStatus], ...extra]),
        config,
      ).activities;
    expect(status('accepted')).toEqual([expect.objectContaining({ type: 'status', status: 'queued', reason: null })]);
    expect(status('sent')).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(status('read')).toEqual([expect.objectContaining({ status: 'read' })]);
    expect(status('undelivered', [['ErrorCode', '30005']])).toEqual([
      expect.objectContaining({ status: 'failed', reason: 'Twilio error 30005: unknown destination handset' }),
    ]);
    expect(status('canceled')).toEqual([expect.objectContaining({ status: 'failed', reason: expect.any(String) })]);
    expect(status('partially_delivered')).toEqual([]);
  });

  it('refuses with a 400 a body that is not a form, has no MessageSid, or a From that is no number', () => {
    const refusal = (req: WebhookRequest) => {
      try {
        twilioSms.parse(req, config);
      } catch (err) {
        return err;
      }
      return null;
    };
    const json = { ...webhook(inboundPairs()), headers: { 'content-type': 'application/json' } };
    expect(refusal(json)).toMatchObject({ statusCode: 400, message: expect.stringContaining('form-encoded') });
    const noSid = webhook(inboundPairs().filter(([key]) => key !== 'MessageSid'));
    expect(refusal(noSid)).toMatchObject({ statusCode: 400, message: expect.stringContaining('MessageSid') });
    const notANumber = webhook(inboundPairs().map(([k, v]) => [k, k === 'From' ? 'client:anna' : v]));
    const refused = refusal(notANumber);
    expect(refused).toBeInstanceOf(WebhookRefused);
    expect(refused).toMatchObject({ statusCode: 400, message: expect.stringContaining('From') });
  });
});

describe('Twilio stand-in and send', () => {
  let app: FastifyInstance;
  let base: string;
  const serviceConfig: TwilioConfig = { ...config, numbers: [], messagingServiceSid: 'MG' + 'e'.repeat(32) };
  const standIn = twilioStandIn(config);
  const serviceStandIn = twilioStandIn(serviceConfig);
  const messages = () => `${base}/twilio/2010-04-01/Accounts/${config.accountSid}/Messages.json`;
  const post = (form: Record<string, string>, user = config.accountSid, password = config.authToken) =>
    fetch(messages(), {
      method: 'POST',
      headers: {
        authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form),
    });
  const outbound = (text: string): OutboundMessage => ({
    type: 'outbound-message',
    idempotencyKey: crypto.randomUUID(),
    to: customer,
    from: null,
    text,
    statusCallbackUrl: webhookUrl,
  });

  beforeAll(async () => {
    app = Fastify();
    // A host app with a form parser of its own: the stand-in's scope must not clash with it.
    app.addContentTypeParser('application/x-www-form-urlencoded', (_req, _body, done) => done(null, 'host'));
    await standIn.register(app, '/twilio');
    await serviceStandIn.register(app, '/service');
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => app.close());

  it('answers a valid send with 201 and a Twilio message resource', async () => {
    const response = await post({ To: customer, From: config.numbers[0]!, Body: 'Uw pakket' });
    expect(response.status).toBe(201);
    const resource = await response.json();
    expect(resource).toMatchObject({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      account_sid: config.accountSid,
      status: 'queued',
      to: customer,
      from: config.numbers[0],
      body: 'Uw pakket',
      num_segments: '1',
      direction: 'outbound-api',
      date_created: expect.stringMatching(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/),
    });
    expect(standIn.sent.at(-1)).toMatchObject({ providerMessageId: resource.sid, text: 'Uw pakket' });
  });

  it('refuses wrong Basic auth with 401 and 20003, as Twilio does', async () => {
    const before = standIn.sent.length;
    const response = await post({ To: customer, From: config.numbers[0]!, Body: 'x' }, config.accountSid, 'wrong');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Basic');
    expect(await response.json()).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
    expect(standIn.sent).toHaveLength(before);
  });

  it('refuses a From that is not its number, and a message with no body', async () => {
    const notOurs = await post({ To: customer, From: '+15005550006', Body: 'x' });
    expect(notOurs.status).toBe(400);
    expect(await notOurs.json()).toMatchObject({ code: 21606, status: 400, more_info: expect.any(String) });
    const empty = await post({ To: customer, From: config.numbers[0]! });
    expect(await empty.json()).toMatchObject({ code: 21602, status: 400 });
    const other = await post({ To: customer, From: config.numbers[0]!, Body: 'x' }, 'AC' + 'f'.repeat(32));
    expect(other.status).toBe(401);
  });

  it('sends through a messaging service when the channel has no number', async () => {
    const outcome = await twilioSms.send(outbound('Via de dienst'), serviceConfig, {
      apiBaseUrl: `${base}/service`,
      timeoutMs: 2000,
    });
    // Twilio says `accepted` until the service has picked a sender; for us that is queued.
    expect(outcome).toMatchObject({ ok: true, status: 'queued' });
    expect(serviceStandIn.sent).toEqual([
      expect.objectContaining({ to: customer, from: serviceConfig.messagingServiceSid, text: 'Via de dienst' }),
    ]);
  });

  it("puts Twilio's code and message in the reason of a refusal", async () => {
    standIn.failNext(400);
    const outcome = await twilioSms.send(outbound('x'), config, { apiBaseUrl: `${base}/twilio`, timeoutMs: 2000 });
    expect(outcome).toEqual({ ok: false, retryable: false, reason: expect.stringMatching(/400.*21610.*unsubscribed/) });
  });

  it('sends to the base URL as given, even when the environment names a Twilio region', async () => {
    // The SDK's region scheme would rewrite localhost into localhost.au1.localhost, which no one answers.
    process.env.TWILIO_REGION = 'au1';
    try {
      const apiBaseUrl = `${base.replace('127.0.0.1', 'localhost')}/twilio`;
      const outcome = await twilioSms.send(outbound('regio'), config, { apiBaseUrl, timeoutMs: 2000 });
      expect(outcome).toMatchObject({ ok: true });
      expect(standIn.sent.at(-1)).toMatchObject({ text: 'regio' });
    } finally {
      delete process.env.TWILIO_REGION;
    }
  });

  it('gives up after timeoutMs on a Twilio that never answers, and says it may be retried', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const started = Date.now();
    const outcome = await twilioSms.send(outbound('x'), config, {
      apiBaseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 300,
    });
    expect(outcome).toMatchObject({ ok: false, retryable: true });
    expect(Date.now() - started).toBeLessThan(1500);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});

describe('SMS segments', () => {
  it('counts GSM-7 and UCS-2 segments as carriers do', () => {
    expect(countSegments('a'.repeat(160))).toBe(1);
    expect(countSegments('a'.repeat(161))).toBe(2);
    expect(countSegments('€'.repeat(80))).toBe(1);
    expect(countSegments('€'.repeat(81))).toBe(2);
    expect(countSegments('ë'.repeat(70))).toBe(1);
    expect(countSegments('ë'.repeat(71))).toBe(2);
  });
});
