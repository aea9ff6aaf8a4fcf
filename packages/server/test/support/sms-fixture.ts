import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { ChannelProvider, ChannelView } from '@switchboard/protocol';
import type { SignedWebhook, StandIn } from '../../src/channels/adapter.js';
import { standInFor } from '../../src/channels/registry.js';
import type { serverForFile } from './harness.js';
import { buildOrg, PASSWORD, type BuiltOrg, type OrgSpec } from './org-builder.js';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** A channel configuration per provider, as an admin would enter it. */
export const SMS_CONFIGS: Record<ChannelProvider, Record<string, unknown>> = {
  twilio: {
    accountSid: `AC${'a1'.repeat(16)}`,
    authToken: 'f'.repeat(32),
    numbers: ['+15005550006'],
    messagingServiceSid: null,
  },
  telesign: {
    customerId: 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890',
    apiKey: Buffer.from('telesign-test-api-key-bytes').toString('base64'),
    numbers: ['+15005550007'],
    messageType: 'ARN',
  },
  acs: {
    connectionString: `endpoint=https://contoso.communication.azure.com/;accesskey=${base64('acs-key')}`,
    webhookSecret: 'an-event-grid-secret-of-some-length',
    numbers: ['+18445550100'],
  },
  custom: { sharedSecret: 'c'.repeat(40), numbers: ['acme-bot'], addressKind: 'opaque' },
};

/**
 * SMS for a test file (CH5): every provider's stand-in on a local server, checking requests as
 * the vendor would; organisations with a channel of a provider; webhooks posted as it posts them.
 */
export function smsFixture(t: ReturnType<typeof serverForFile>) {
  let providers: FastifyInstance;
  let providersUrl: string;
  const standIns = new Map<string, StandIn>();

  beforeAll(async () => {
    providers = Fastify();
    for (const provider of ['twilio', 'telesign', 'acs', 'custom'] as const) {
      const standIn = standInFor(provider)(SMS_CONFIGS[provider] as never);
      await standIn.register(providers, `/${provider}`);
      standIns.set(provider, standIn);
    }
    providersUrl = await providers.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => providers.close());

  /** Signs in with a socket; agents become available. */
  async function signIn(org: BuiltOrg, key: string) {
    const { token } = await t.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
    const socket = t.socket(token);
    await socket.ready;
    const api = t.server.api(token);
    if (key !== 'ada') await api.call('setPresence', { body: { presence: 'available' } });
    return { socket, api };
  }

  /** Queue Support with agents ann and ben, admin ada, and a channel of `provider` on the workstream. */
  async function smsOrg(provider: ChannelProvider = 'twilio', workstream: OrgSpec['workstream'] = {}) {
    const org = await buildOrg(t.db.db, {
      queues: ['Support'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'ben', queues: ['Support'] },
        { key: 'ada', role: 'admin' },
      ],
      workstream,
    });
    const admin = await signIn(org, 'ada');
    const channel = await admin.api.call('createChannel', {
      body: {
        name: `SMS ${provider}`,
        provider,
        workstreamId: org.workstreamId,
        config: { ...SMS_CONFIGS[provider], apiBaseUrl: `${providersUrl}/${provider}` } as never,
      },
    });
    return { org, admin, channel, standIn: standIns.get(provider)! };
  }

  return {
    signIn,
    smsOrg,
    /** Where the stand-ins listen: `${providersUrl}/twilio` is Twilio's. */
    get providersUrl() {
      return providersUrl;
    },
    standIn: (provider: ChannelProvider) => standIns.get(provider)!,
    /** Posts a webhook as the provider would, to our server. */
    async post(w: SignedWebhook) {
      const res = await fetch(w.url, { method: w.method, headers: w.headers, body: w.body });
      return { status: res.status, body: await res.text() };
    },
    text: (channel: ChannelView, from: string, body: string) => ({ from, to: channel.numbers[0]!, body }),
  };
}
