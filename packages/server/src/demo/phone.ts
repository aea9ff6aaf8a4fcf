import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ChannelProvider, ChannelView } from '@switchboard/protocol';
import type { StandIn } from '../channels/adapter.js';
import { standInFor } from '../channels/registry.js';
import { toE164 } from '../domain/contacts/phone.js';
import type { ChannelService } from '../services/channels.js';
import { DEMO_SMS } from './sms-demo.js';

type PhoneMessage = {
  direction: 'in' | 'out';
  provider: ChannelProvider;
  number: string;
  text: string;
  at: string;
  /** The provider's id of a reply: what its status callbacks name. */
  providerMessageId?: string;
};

const SendBody = z.strictObject({
  channelId: z.uuid(),
  from: z.string().max(32),
  text: z.string().trim().min(1, 'write a message').max(1600, 'at most 1,600 characters'),
});

/**
 * The demo's fake phone (`/demo/phone.html`, CH2): a newcomer texts the demo organisation's SMS
 * numbers and sees the replies. Each text goes in as its provider would post it, signed, through our
 * own webhook; replies reach the provider stand-ins mounted here, which this page reads, and a
 * moment later each is reported delivered, as a handset would.
 */
export async function installDemoPhone(
  http: FastifyInstance,
  deps: { channels: ChannelService; demoOrgId: () => Promise<string | null> },
) {
  const standIns = new Map<ChannelProvider, StandIn>();
  for (const demo of DEMO_SMS) {
    const standIn = standInFor(demo.provider)(demo.config as never);
    await standIn.register(http, `/demo/providers/${demo.provider}`);
    standIns.set(demo.provider, standIn);
  }
  const sentByPhone: PhoneMessage[] = [];
  const reported = new Set<string>();

  async function demoChannels(): Promise<ChannelView[]> {
    const orgId = await deps.demoOrgId();
    if (!orgId) return [];
    const own = new Set(DEMO_SMS.map((d) => d.name));
    return (await deps.channels.list(orgId)).filter((c) => own.has(c.name));
  }

  /** As the provider would: post the signed webhook to our own endpoint. */
  async function deliver(w: { url: string; headers: Record<string, string>; body: string }) {
    const url = new URL(w.url);
    await http.inject({ method: 'POST', url: url.pathname + url.search, headers: w.headers, payload: w.body });
  }

  // A reply reaches the handset a moment after the provider accepted it.
  const timer = setInterval(() => {
    void (async () => {
      const channels = await demoChannels();
      for (const c of channels) {
        const standIn = standIns.get(c.provider)!;
        for (const m of standIn.sent) {
          if (reported.has(m.providerMessageId) || Date.now() - m.at.getTime() < 1500) continue;
          reported.add(m.providerMessageId);
          await deliver(standIn.status(c.webhookUrl, m.providerMessageId, 'delivered'));
        }
      }
    })().catch(() => undefined);
  }, 1000);
  timer.unref();
  http.addHook('onClose', async () => clearInterval(timer));

  http.get('/demo/phone/api/channels', async () =>
    (await demoChannels()).map((c) => ({ id: c.id, name: c.name, provider: c.provider, number: c.numbers[0] })),
  );

  http.get<{ Querystring: { number?: string } }>('/demo/phone/api/messages', async (req, reply) => {
    const number = toE164(String(req.query.number ?? ''));
    if (!number)
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'number is not a phone number' });
    const replies: PhoneMessage[] = [...standIns].flatMap(([provider, s]) =>
      s.sent
        .filter((m) => m.to === number)
        .map((m) => ({
          direction: 'out' as const,
          provider,
          number: m.from,
          text: m.text,
          at: m.at.toISOString(),
          providerMessageId: m.providerMessageId,
        })),
    );
    const mine = sentByPhone.filter((m) => m.number === number);
    return [...mine, ...replies].sort((a, b) => a.at.localeCompare(b.at));
  });

  http.post('/demo/phone/api/send', async (req, reply) => {
    const parsed = SendBody.safeParse(req.body);
    const from = parsed.success ? toE164(parsed.data.from) : null;
    if (!parsed.success || !from) {
      const message = parsed.success
        ? 'from is not a phone number: start with + and the country code'
        : parsed.error.issues[0]!.message;
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message });
    }
    const channel = (await demoChannels()).find((c) => c.id === parsed.data.channelId);
    if (!channel) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'no such demo channel' });
    const standIn = standIns.get(channel.provider)!;
    const webhook = standIn.inbound(channel.webhookUrl, { from, to: channel.numbers[0]!, body: parsed.data.text });
    await deliver(webhook);
    sentByPhone.push({
      direction: 'in',
      provider: channel.provider,
      number: from,
      text: parsed.data.text,
      at: new Date().toISOString(),
    });
    return { ok: true };
  });
}
