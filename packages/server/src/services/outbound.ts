import { randomUUID } from 'node:crypto';
import type {
  MessageTemplate,
  NewMessageTemplate,
  NewOutboundJob,
  OutboundChannel,
  OutboundJob,
} from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { toE164 } from '../domain/contacts/phone.js';
import { conflict, DomainError, notFound } from '../domain/errors.js';
import { renderTemplate, unknownPlaceholders } from '@switchboard/protocol';
import { getChannel, listChannels } from '../store/channels.js';
import type { Db } from '../store/db.js';
import { contactNamesByPhone, contactsMatching, getOutboundJob, insertOutboundJob } from '../store/outbound.js';
import * as templates from '../store/templates.js';
import { isUniqueViolation, transaction } from '../store/transaction.js';
import { organisationName } from '../store/organisations.js';
import type { StaffIdentity } from './identity.js';

/** Most recipients of one contact search. */
const SEARCH_LIMIT = 5000;

const toView = (t: templates.TemplateRow): MessageTemplate => ({
  id: t.id,
  name: t.name,
  bodies: t.bodies,
  updatedAt: t.updatedAt.toISOString(),
});

/**
 * Outbound messages (CH6): templates, and sends of one to many over an SMS channel. Every recipient's
 * message is an outbox row written with the job, so the outbox sends, retries and reports them as it
 * does replies; the job's view counts them for the progress bar.
 */
export function createOutboundService(deps: { db: Db; clock: Clock; onQueued: () => void }) {
  const { db, clock } = deps;

  function checkBodies(t: NewMessageTemplate) {
    for (const [language, body] of Object.entries(t.bodies)) {
      const unknown = unknownPlaceholders(body);
      if (unknown.length)
        throw new DomainError(
          'invalid',
          `the ${language} text names ${unknown.map((u) => `{${u}}`).join(', ')}, which is not a placeholder: ` +
            'use {customerName}, {agentName}, {orgName} or {channelNumber}',
        );
    }
  }

  const named = async <T>(name: string, write: () => Promise<T>) => {
    try {
      return await write();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`a template named "${name}" already exists`);
      throw err;
    }
  };

  /** Who receives it: each number read as E.164 (those that are not numbers are kept, with the reason). */
  async function recipientsOf(orgId: string, job: NewOutboundJob) {
    if (job.recipients.kind === 'contacts') {
      const found = await contactsMatching(db, orgId, job.recipients.search, SEARCH_LIMIT);
      const people = found.flatMap((c) => {
        const to = c.mobilePhone ? toE164(c.mobilePhone) : null;
        return to ? [{ to, name: c.name }] : [];
      });
      return { people, invalid: [] };
    }
    const invalid: { to: string; reason: string }[] = [];
    const numbers = new Set<string>();
    for (const raw of job.recipients.numbers) {
      const to = toE164(raw);
      if (to) numbers.add(to);
      else invalid.push({ to: raw, reason: 'not a phone number: write it with its country code, e.g. +31612345678' });
    }
    const names = await contactNamesByPhone(db, orgId, [...numbers]);
    return { people: [...numbers].map((to) => ({ to, name: names.get(to) ?? null })), invalid };
  }

  async function view(orgId: string, id: string): Promise<OutboundJob> {
    const found = await getOutboundJob(db, orgId, id);
    if (!found) throw notFound(`outbound send ${id}`);
    const { job, messages } = found;
    const answered = new Set(['queued', 'sent', 'delivered', 'read', 'failed', 'dead']);
    const failedStatus = new Set(['failed', 'dead']);
    const recipients = [
      ...job.invalid.map((i) => ({ to: i.to, name: null, status: 'invalid' as const, reason: i.reason })),
      ...messages.map((m) => ({ to: m.to, name: m.name, status: m.status, reason: m.reason })),
    ];
    return {
      id: job.id,
      channelId: job.channelId,
      templateId: job.templateId,
      language: job.language,
      createdAt: job.createdAt.toISOString(),
      createdBy: job.createdBy,
      total: job.total,
      done: job.invalid.length + messages.filter((m) => answered.has(m.status)).length,
      failed: job.invalid.length + messages.filter((m) => failedStatus.has(m.status)).length,
      recipients,
    };
  }

  return {
    listTemplates: async (orgId: string) => (await templates.listTemplates(db, orgId)).map(toView),
    async createTemplate(orgId: string, t: NewMessageTemplate) {
      checkBodies(t);
      return toView(await named(t.name, () => templates.insertTemplate(db, orgId, t, clock.now())));
    },
    async updateTemplate(orgId: string, id: string, t: NewMessageTemplate) {
      checkBodies(t);
      const row = await named(t.name, () => templates.updateTemplate(db, orgId, id, t, clock.now()));
      if (!row) throw notFound(`template ${id}`);
      return toView(row);
    },
    async deleteTemplate(orgId: string, id: string) {
      if (!(await templates.getTemplate(db, orgId, id))) throw notFound(`template ${id}`);
      if (await templates.templateUsed(db, orgId, id))
        throw conflict('this template has been sent; it stays so the sends can name it');
      await templates.deleteTemplate(db, orgId, id);
    },

    async channels(orgId: string): Promise<OutboundChannel[]> {
      return (await listChannels(db, orgId)).map((c) => ({
        id: c.id,
        name: c.name,
        provider: c.provider,
        numbers: c.numbers,
      }));
    },

    /** Queues the template's message to every recipient and answers at once; the outbox sends them. */
    async start(who: StaffIdentity, job: NewOutboundJob): Promise<OutboundJob> {
      const channel = await getChannel(db, who.orgId, job.channelId);
      if (!channel) throw notFound(`channel ${job.channelId}`);
      const template = await templates.getTemplate(db, who.orgId, job.templateId);
      if (!template) throw notFound(`template ${job.templateId}`);
      const body = template.bodies[job.language];
      if (!body) throw new DomainError('invalid', `the template "${template.name}" has no ${job.language} text`);
      const { people, invalid } = await recipientsOf(who.orgId, job);
      if (people.length === 0 && invalid.length === 0)
        throw new DomainError('invalid', 'no contact matches this search');
      const orgName = await organisationName(db, who.orgId);
      const base = { agentName: who.name, orgName, channelNumber: channel.numbers[0] ?? '' };
      const messages = people.map((p) => ({
        messageId: randomUUID(),
        to: p.to,
        name: p.name,
        text: renderTemplate(body, { ...base, customerName: p.name ?? '' }),
      }));
      const now = clock.now();
      const row = await transaction(db, (tx) =>
        insertOutboundJob(
          tx,
          {
            orgId: who.orgId,
            channelId: channel.id,
            templateId: template.id,
            language: job.language,
            createdBy: who.userId,
            createdAt: now,
            total: people.length + invalid.length,
            invalid,
          },
          messages,
        ),
      );
      deps.onQueued();
      return view(who.orgId, row.id);
    },

    view: (who: StaffIdentity, id: string) => view(who.orgId, id),
  };
}

export type OutboundService = ReturnType<typeof createOutboundService>;
