import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelView, OutboundJob } from '@switchboard/protocol';
import type { StandIn } from '../src/channels/adapter.js';
import { standInFor } from '../src/channels/registry.js';
import { contacts } from '../src/store/schema.js';
import { eventually, serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// Outbound messages (CH6): an admin writes templates; an agent sends one to one customer or to many,
// and follows the send's progress and each recipient's result. The messages leave through the
// outbox and the Twilio SDK to a stand-in that checks them as Twilio would.
const t = serverForFile();
let providers: FastifyInstance;
let standIn: StandIn;
const twilio = { accountSid: `AC${'b2'.repeat(16)}`, authToken: 'e'.repeat(32), numbers: ['+15005550006'] };

beforeAll(async () => {
  providers = Fastify();
  standIn = standInFor('twilio')(twilio as never);
  await standIn.register(providers, '/twilio');
  const url = await providers.listen({ host: '127.0.0.1', port: 0 });
  twilio.numbers = ['+15005550006'];
  Object.assign(twilio, { apiBaseUrl: `${url}/twilio` });
});
afterAll(() => providers.close());

async function login(org: BuiltOrg, key: string) {
  const { token } = await t.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  return t.server.api(token);
}

async function outboundOrg() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'ada', role: 'admin' },
    ],
  });
  const admin = await login(org, 'ada');
  const agent = await login(org, 'ann');
  const channel: ChannelView = await admin.call('createChannel', {
    body: { name: 'SMS', provider: 'twilio', workstreamId: org.workstreamId, config: twilio as never },
  });
  const template = await admin.call('createTemplate', {
    body: {
      name: 'Order ready',
      bodies: {
        en: 'Hello {customerName}, your order is ready. {agentName}, {orgName}',
        nl: 'Hallo {customerName}, uw bestelling ligt klaar. {agentName}, {orgName}',
      },
    },
  });
  return { org, admin, agent, channel, template };
}

const numbers = (from: number, count: number) =>
  Array.from({ length: count }, (_x, i) => `+3161${String(from + i).padStart(7, '0')}`);

describe('message templates', () => {
  it('refuses a placeholder it cannot fill, and a name already taken; anyone on the staff reads them', async () => {
    const { admin, agent, template } = await outboundOrg();
    await expect(
      admin.call('createTemplate', { body: { name: 'Bad', bodies: { en: 'Hi {firstName}' } } }),
    ).rejects.toMatchObject({ status: 400, body: { message: expect.stringContaining('{firstName}') } });
    await expect(
      admin.call('createTemplate', { body: { name: 'Order ready', bodies: { fr: 'Prêt' } } }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(admin.call('createTemplate', { body: { name: 'Empty', bodies: {} } })).rejects.toMatchObject({
      status: 400,
    });
    expect((await agent.call('listTemplates')).map((x) => x.id)).toEqual([template.id]);
    await expect(agent.call('createTemplate', { body: { name: 'Mine', bodies: { en: 'x' } } })).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe('outbound sends', () => {
  it('sends to 1,000 recipients with progress and a result for each, names from contacts', async () => {
    const { org, agent, channel, template } = await outboundOrg();
    await t.db.db.insert(contacts).values({ orgId: org.orgId, name: 'Noor Bakker', mobilePhone: '+31610000000' });
    const before = standIn.sent.length;
    const list = [...numbers(0, 998), 'not a number', '12'];
    const started = await agent.call('startOutbound', {
      body: {
        channelId: channel.id,
        templateId: template.id,
        language: 'nl',
        recipients: { kind: 'numbers', numbers: list },
      },
    });
    expect(started).toMatchObject({ total: 1000, failed: 2 });
    expect(started.recipients.filter((r) => r.status === 'invalid').map((r) => r.to)).toEqual(['not a number', '12']);

    const progress: number[] = [];
    const done: OutboundJob = await eventually(async () => {
      const job = await agent.call('getOutbound', { params: { id: started.id } });
      progress.push(job.done);
      return job.done === job.total ? job : undefined;
    }, 60_000);
    expect(done.failed).toBe(2);
    expect(done.recipients.filter((r) => r.status === 'queued')).toHaveLength(998);
    // Progress only grows.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const sent = standIn.sent.slice(before);
    expect(sent).toHaveLength(998);
    expect(new Set(sent.map((m) => m.to)).size).toBe(998);
    expect(sent.find((m) => m.to === '+31610000000')?.text).toBe(
      `Hallo Noor Bakker, uw bestelling ligt klaar. ${org.user('ann').name}, ${await orgName(org)}`,
    );
    expect(sent.find((m) => m.to === '+31610000001')?.text).toMatch(/^Hallo, uw bestelling ligt klaar\./);
    const noor = done.recipients.find((r) => r.to === '+31610000000');
    expect(noor).toMatchObject({ name: 'Noor Bakker', status: 'queued' });
  }, 90_000);

  it('sends to the contacts a search finds, and shows a refused message as failed', async () => {
    const { org, agent, channel, template } = await outboundOrg();
    await t.db.db.insert(contacts).values([
      { orgId: org.orgId, name: 'Lotte de Wit', mobilePhone: '+31620000001', city: 'Utrecht' },
      { orgId: org.orgId, name: 'Sem Visser', mobilePhone: '+31620000002', city: 'Utrecht' },
      { orgId: org.orgId, name: 'Eva Smit', mobilePhone: '+31620000003', city: 'Delft' },
    ]);
    standIn.failNext(400);
    const started = await agent.call('startOutbound', {
      body: {
        channelId: channel.id,
        templateId: template.id,
        language: 'en',
        recipients: { kind: 'contacts', search: 'utrecht' },
      },
    });
    expect(started.total).toBe(2);
    const done = await eventually(async () => {
      const job = await agent.call('getOutbound', { params: { id: started.id } });
      return job.done === job.total ? job : undefined;
    });
    expect(done.recipients.map((r) => r.name).sort()).toEqual(['Lotte de Wit', 'Sem Visser']);
    expect(done.failed).toBe(1);
    expect(done.recipients.find((r) => r.status === 'dead')?.reason).toMatch(/400/);
  });

  it("refuses another organisation's channel, template and send, and a language the template lacks", async () => {
    const mine = await outboundOrg();
    const theirs = await outboundOrg();
    const body = (channelId: string, templateId: string, language: 'en' | 'fr' = 'en') => ({
      body: { channelId, templateId, language, recipients: { kind: 'numbers' as const, numbers: ['+31630000000'] } },
    });
    await expect(mine.agent.call('startOutbound', body(theirs.channel.id, mine.template.id))).rejects.toMatchObject({
      status: 404,
    });
    await expect(mine.agent.call('startOutbound', body(mine.channel.id, theirs.template.id))).rejects.toMatchObject({
      status: 404,
    });
    await expect(mine.agent.call('startOutbound', body(mine.channel.id, mine.template.id, 'fr'))).rejects.toMatchObject(
      { status: 400, body: { message: expect.stringContaining('no fr text') } },
    );
    const job = await theirs.agent.call('startOutbound', body(theirs.channel.id, theirs.template.id));
    await expect(mine.agent.call('getOutbound', { params: { id: job.id } })).rejects.toMatchObject({ status: 404 });
    expect((await mine.agent.call('listOutboundChannels')).map((c) => c.id)).toEqual([mine.channel.id]);
    // A template that was sent stays.
    await expect(theirs.admin.call('deleteTemplate', { params: { id: theirs.template.id } })).rejects.toMatchObject({
      status: 409,
    });
  });
});

async function orgName(org: BuiltOrg): Promise<string> {
  const { organizations } = await import('../src/store/schema.js');
  const { eq } = await import('drizzle-orm');
  const [row] = await t.db.db.select().from(organizations).where(eq(organizations.id, org.orgId));
  return row!.name;
}
