import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeleSignConfig } from './adapter.js';
import { telesignStandIn } from './stand-in.js';
import { TEST_MESSAGE, TestNumberRefused, validateTeleSignKey } from './validate-key.js';

const config: TeleSignConfig = {
  customerId: '1A2B3C4D-5E6F-4A8B-9C0D-1E2F3A4B5C6D',
  apiKey: 'c3VwZXItc2VjcmV0LWtleS1ieXRlcw==',
  numbers: ['+15555550100'],
  messageType: 'ARN',
  apiBaseUrl: null,
};

describe('Validate API key (TeleSign)', () => {
  let server: FastifyInstance;
  let io: { apiBaseUrl: string; timeoutMs: number };
  const standIn = telesignStandIn(config);

  beforeAll(async () => {
    server = Fastify();
    await standIn.register(server, '/telesign');
    io = { apiBaseUrl: `${await server.listen({ host: '127.0.0.1', port: 0 })}/telesign`, timeoutMs: 2000 };
  });
  afterAll(() => server.close());

  it('sends the test message with a good key and reports what TeleSign said', async () => {
    const result = await validateTeleSignKey(config, io, '31612345678');
    expect(result).toEqual({
      ok: true,
      statusCode: 290,
      description: 'Message in progress',
      referenceId: standIn.sent.at(-1)!.providerMessageId,
    });
    expect(standIn.sent.at(-1)).toMatchObject({ to: '+31612345678', text: TEST_MESSAGE });
  });

  it("reports a wrong key in TeleSign's words", async () => {
    const result = await validateTeleSignKey(
      { ...config, apiKey: 'b3RoZXItYWNjb3VudHMta2V5LWJ5dGVz' },
      io,
      '31612345678',
    );
    expect(result).toEqual({
      ok: false,
      statusCode: 501,
      description: 'Not authorized (10008 Invalid Signature.)',
      referenceId: null,
    });
  });

  it('says so when TeleSign cannot be reached', async () => {
    const result = await validateTeleSignKey(
      config,
      { apiBaseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 },
      '31612345678',
    );
    expect(result).toMatchObject({ ok: false, statusCode: null, description: expect.stringMatching(/unreachable/) });
  });

  it.each(['+31612345678', '31 6 12345678', '0612345678', 'my phone', ''])(
    'refuses %j before sending anything',
    async (entered) => {
      const before = standIn.sent.length;
      await expect(validateTeleSignKey(config, io, entered)).rejects.toThrow(TestNumberRefused);
      await expect(validateTeleSignKey(config, io, entered)).rejects.toThrow(/country code/);
      expect(standIn.sent.length).toBe(before);
    },
  );
});
