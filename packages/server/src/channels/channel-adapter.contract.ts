import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelCapabilities, type OutboundMessage } from '@switchboard/protocol';
import {
  WebhookRefused,
  type ChannelAdapter,
  type ChannelConfig,
  type SignedWebhook,
  type StandIn,
  type StandInFactory,
  type WebhookRequest,
} from './adapter.js';

/**
 * The suite every channel adapter runs (CH7), against its own stand-in: the vendor's SDK sends to
 * it over loopback, and it checks the request as the vendor would. `config` gets the stand-in's
 * URL as its `apiBaseUrl`; `malformed` is a body the provider could sign but we cannot read.
 */
export function runChannelAdapterContract<C extends ChannelConfig>(
  adapter: ChannelAdapter<C>,
  fixtures: {
    config: C;
    standIn: StandInFactory<C>;
    /** A signed request whose body is not one the provider sends (missing fields, not JSON ...). */
    malformed: (webhookUrl: string) => SignedWebhook;
    /** Removes or breaks the request's signature. */
    forge: (request: SignedWebhook) => SignedWebhook;
    /** Whether the provider signs the URL it posts to (Twilio does; TeleSign signs the body alone). */
    signsUrl: boolean;
  },
) {
  const webhookUrl = `https://switchboard.example/webhooks/${adapter.provider}/1b0e6c1e-95d4-4f0e-9a39-8c1e9c3f2a10`;
  const ours = fixtures.config.numbers[0]!;
  let server: FastifyInstance;
  let standIn: StandIn;
  let config: C;
  const io = () => ({ apiBaseUrl: config.apiBaseUrl!, timeoutMs: 2000 });
  const outbound = (text: string): OutboundMessage => ({
    type: 'outbound-message',
    idempotencyKey: crypto.randomUUID(),
    to: '+31612345678',
    from: null,
    text,
    statusCallbackUrl: webhookUrl,
  });

  beforeAll(async () => {
    server = Fastify();
    config = { ...fixtures.config };
    standIn = fixtures.standIn(config);
    await standIn.register(server, '/api');
    const address = await server.listen({ host: '127.0.0.1', port: 0 });
    config = { ...config, apiBaseUrl: `${address}/api` };
  });
  afterAll(() => server.close());

  describe(`${adapter.provider} channel adapter (contract)`, () => {
    it('declares its capabilities and refuses a configuration without its credentials', () => {
      expect(ChannelCapabilities.parse(adapter.capabilities)).toEqual(adapter.capabilities);
      expect(adapter.config.safeParse(fixtures.config).success).toBe(true);
      for (const field of adapter.secretFields) {
        const without: Record<string, unknown> = { ...fixtures.config };
        delete without[field];
        expect(adapter.config.safeParse(without).success, `without ${field}`).toBe(false);
      }
    });

    it('verifies a signed inbound text and parses it into one inbound message in E.164', () => {
      const req = asRequest(
        standIn.inbound(webhookUrl, { from: '+31612345678', to: ours, body: 'Waar is mijn pakket?' }),
      );
      expect(adapter.verify(req, config)).toEqual({ ok: true });
      const parsed = adapter.parse(req, config);
      expect(parsed.reply.status).toBe(200);
      expect(parsed.activities).toHaveLength(1);
      const [message] = parsed.activities;
      expect(message).toMatchObject({
        type: 'inbound-message',
        from: '+31612345678',
        to: ours,
        text: 'Waar is mijn pakket?',
      });
      expect(message!.providerMessageId).not.toBe('');
      // The provider's id is what dedupes a redelivery: parsing again gives the same one.
      expect(adapter.parse(req, config).activities[0]!.providerMessageId).toBe(message!.providerMessageId);
    });

    it('refuses a forged or unsigned webhook, and one signed with other credentials', () => {
      const signed = standIn.inbound(webhookUrl, { from: '+31612345678', to: ours, body: 'hi' });
      const forged = adapter.verify(asRequest(fixtures.forge(signed)), config);
      expect(forged.ok).toBe(false);
      if (!forged.ok) expect(forged.reason).not.toBe('');
      // Signed with another account's credentials: refused.
      const stranger = fixtures.standIn(otherCredentials(adapter, config));
      const theirs = stranger.inbound(webhookUrl, { from: '+31612345678', to: ours, body: 'hi' });
      expect(adapter.verify(asRequest(theirs), config).ok).toBe(false);
      // Where the provider's signature covers the URL, a request signed for another channel's URL is refused too.
      if (fixtures.signsUrl) {
        const elsewhere = asRequest(signed);
        const url = elsewhere.url.replace(/[0-9a-f]{4}(?=$|\?)/, '0000');
        expect(adapter.verify({ ...elsewhere, url }, config).ok).toBe(false);
      }
    });

    it('refuses a body it cannot read with a 400 that says so', () => {
      const req = asRequest(fixtures.malformed(webhookUrl));
      let refused: unknown;
      try {
        adapter.parse(req, config);
      } catch (err) {
        refused = err;
      }
      expect(refused).toBeInstanceOf(WebhookRefused);
      expect((refused as WebhookRefused).statusCode).toBe(400);
      expect((refused as WebhookRefused).message).not.toBe('');
    });

    it('sends through the vendor SDK to the stand-in, and parses the status callback for it', async () => {
      const before = standIn.sent.length;
      const outcome = await adapter.send(outbound('Uw pakket komt morgen'), config, io());
      expect(outcome).toMatchObject({ ok: true });
      if (!outcome.ok) return;
      expect(standIn.sent.slice(before)).toEqual([
        expect.objectContaining({ to: '+31612345678', from: ours, text: 'Uw pakket komt morgen' }),
      ]);
      expect(standIn.sent.at(-1)!.providerMessageId).toBe(outcome.providerMessageId);
      for (const status of ['delivered', 'failed'] as const) {
        const req = asRequest(standIn.status(webhookUrl, outcome.providerMessageId, status));
        expect(adapter.verify(req, config)).toEqual({ ok: true });
        const [update] = adapter.parse(req, config).activities;
        expect(update).toMatchObject({ type: 'status', providerMessageId: outcome.providerMessageId, status });
        if (status === 'failed') expect(update).toMatchObject({ reason: expect.any(String) });
      }
    });

    it('says a provider that is down or busy may be retried, and one that refuses may not', async () => {
      standIn.failNext(503);
      expect(await adapter.send(outbound('a'), config, io())).toMatchObject({ ok: false, retryable: true });
      standIn.failNext(429);
      expect(await adapter.send(outbound('b'), config, io())).toMatchObject({ ok: false, retryable: true });
      standIn.failNext(400);
      const refused = await adapter.send(outbound('c'), config, io());
      expect(refused).toMatchObject({ ok: false, retryable: false });
      if (!refused.ok) expect(refused.reason).not.toBe('');
      const down = await adapter.send(outbound('d'), config, { apiBaseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
      expect(down).toMatchObject({ ok: false, retryable: true });
      const wrongKey = await adapter.send(outbound('e'), otherCredentials(adapter, config), io());
      expect(wrongKey).toMatchObject({ ok: false, retryable: false });
    });
  });
}

/** The configuration with every secret changed: the stand-in must refuse it as the vendor would. */
function otherCredentials<C extends ChannelConfig>(adapter: ChannelAdapter<C>, config: C): C {
  const copy: Record<string, unknown> = { ...config };
  for (const field of adapter.secretFields) {
    const value = String(copy[field]);
    copy[field] = value.slice(0, -4) + (value.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  }
  return copy as C;
}

/** The request as our webhook route hands it to the adapter. */
export function asRequest(w: SignedWebhook): WebhookRequest {
  const url = new URL(w.url);
  return {
    url: w.url,
    method: w.method,
    headers: Object.fromEntries(Object.entries(w.headers).map(([k, v]) => [k.toLowerCase(), v])),
    rawBody: Buffer.from(w.body, 'utf8'),
    query: Object.fromEntries(url.searchParams),
  };
}
