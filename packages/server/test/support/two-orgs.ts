import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { AgentSummary, ChatWidget, ConfigExport } from '@switchboard/protocol';
import { createAdminConfigService } from '../../src/services/admin-config.js';
import type { Db } from '../../src/store/db.js';
import * as config from '../../src/store/routing-config.js';
import { attachments, conversations } from '../../src/store/schema.js';
import { getAttachmentSettings } from '../../src/store/attachments.js';
import { listWidgets } from '../../src/store/widgets.js';
import { insertChannel, listChannels } from '../../src/store/channels.js';
import { insertTemplate, listTemplates } from '../../src/store/templates.js';
import { listAutomatedMessages, saveAutomatedMessage } from '../../src/store/automated-messages.js';
import { insertQuickReply, listAllQuickReplies } from '../../src/store/quick-replies.js';
import { insertDispositionCode, listDispositionCodes } from '../../src/store/disposition-codes.js';
import { insertArticle, listArticles } from '../../src/store/records/articles.js';
import { insertMacro, listMacros } from '../../src/store/macros.js';
import { insertScript, listScripts } from '../../src/store/scripts.js';
import { createSecretBox, parseKey } from '../../src/security/secrets.js';
import { issueApiKey } from '../../src/auth/api-keys.js';
import { insertApiClient, insertApiKey, listApiClients, listApiKeys } from '../../src/store/api-clients.js';
import { TEST_SECRET_KEY } from './harness.js';
import { buildOrg, type BuiltOrg, type OrgSpec } from './org-builder.js';

// Organisations are sealed (X3): most tests should also prove that what they do stays inside the
// organisation under test. `buildOrgPair` builds it beside a neighbour of the same shape; a
// snapshot of both, taken before and compared after, shows that nothing of the neighbour moved.

/** An organisation with one entity of every configuration kind, so every kind of id exists in it. */
export type FurnishedOrg = BuiltOrg & {
  skillId: string;
  capacityProfileId: string;
  presenceId: string;
  operatingHoursId: string;
  /** A Twilio SMS channel routing to the workstream. */
  channelId: string;
  /** A message template. */
  templateId: string;
  /** An organisation quick reply, and one of the first agent's own. */
  quickReplyId: string;
  personalQuickReplyId: string;
  /** A disposition code (AG4, the wrap-up form). */
  dispositionCodeId: string;
  /** A knowledge article, a draft (AG9). */
  knowledgeArticleId: string;
  /** A macro and an agent script running it (AG7, AG8). */
  macroId: string;
  scriptId: string;
  /** An API client with one key (AD1). */
  apiClientId: string;
  apiKeyId: string;
};

export type OrgSnapshot = {
  config: ConfigExport;
  widgets: ChatWidget[];
  agents: AgentSummary[];
  conversations: {
    id: string;
    state: string;
    queueId: string | null;
    agentId: string | null;
    lastSeq: number;
    dispositionCodeId: string | null;
    wrapUpNote: string | null;
  }[];
  channels: unknown[];
  templates: unknown[];
  automated: unknown[];
  quickReplies: unknown[];
  dispositionCodes: unknown[];
  /** Knowledge articles, drafts too (AG9). */
  knowledgeArticles: unknown[];
  /** Macros and agent scripts (AG7, AG8). */
  macros: unknown[];
  scripts: unknown[];
  /** Attachment limits and every file row (AG4). */
  attachments: { settings: unknown; files: unknown[] };
  /** API clients and each one's keys (AD1). */
  apiClients: { client: unknown; keys: unknown[] }[];
};

export type PairSnapshot = { org: OrgSnapshot; neighbour: OrgSnapshot };

export type OrgPair = {
  /** The organisation under test. */
  org: FurnishedOrg;
  /** Another organisation of the same shape, which nothing the test does may touch. */
  neighbour: FurnishedOrg;
  snapshot(): Promise<PairSnapshot>;
  /** Fails the test, naming `what`, unless neither organisation changed since `before`. */
  expectUnchanged(before: PairSnapshot, what?: string): Promise<void>;
  /** Fails the test unless the neighbour is as it was when the pair was built. */
  neighbourUnchanged(what?: string): Promise<void>;
};

/** What a sealed test compares of an organisation: its configuration file, widgets, staff and conversations. */
export async function snapshotOrg(db: Db, orgId: string): Promise<OrgSnapshot> {
  const admin = createAdminConfigService({ db, onChanged: () => {} });
  const [exported, widgets, agents, convs, channelRows, templateRows, automatedRows, replyRows, codeRows] =
    await Promise.all([
      admin.exportConfig(orgId, new Date(0)),
      listWidgets(db, orgId),
      admin.agents(orgId),
      db
        .select({
          id: conversations.id,
          state: conversations.state,
          queueId: conversations.queueId,
          agentId: conversations.agentId,
          lastSeq: conversations.lastSeq,
          dispositionCodeId: conversations.dispositionCodeId,
          wrapUpNote: conversations.wrapUpNote,
        })
        .from(conversations)
        .where(eq(conversations.orgId, orgId))
        .orderBy(asc(conversations.id)),
      listChannels(db, orgId),
      listTemplates(db, orgId),
      listAutomatedMessages(db, orgId),
      listAllQuickReplies(db, orgId),
      listDispositionCodes(db, orgId, { activeOnly: false }),
    ]);
  return {
    config: exported,
    widgets,
    agents,
    conversations: convs,
    channels: channelRows,
    templates: templateRows,
    automated: automatedRows,
    quickReplies: replyRows,
    dispositionCodes: codeRows,
    knowledgeArticles: await listArticles(db, orgId, { limit: 200 }),
    macros: await listMacros(db, orgId),
    scripts: await listScripts(db, orgId),
    attachments: {
      settings: await getAttachmentSettings(db, orgId),
      files: await db.select().from(attachments).where(eq(attachments.orgId, orgId)).orderBy(asc(attachments.id)),
    },
    apiClients: await Promise.all(
      (await listApiClients(db, orgId)).map(async (c) => ({ client: c, keys: await listApiKeys(db, orgId, c.id) })),
    ),
  };
}

/** Gives the organisation a skill, a capacity profile, a presence and operating hours; its agents get the first two. */
async function furnish(db: Db, org: BuiltOrg, spec: OrgSpec): Promise<FurnishedOrg> {
  const ids = {
    skillId: randomUUID(),
    capacityProfileId: randomUUID(),
    presenceId: randomUUID(),
    operatingHoursId: randomUUID(),
  };
  await config.upsertSkill(db, org.orgId, { id: ids.skillId, name: 'French', type: 'Language' });
  await config.upsertCapacityProfile(db, org.orgId, {
    id: ids.capacityProfileId,
    name: 'Email',
    defaultLimit: 3,
    resetFrequency: 'immediate',
    blocksAssignment: true,
  });
  await config.upsertPresence(db, org.orgId, { id: ids.presenceId, name: 'Training', base: 'away' });
  await config.upsertOperatingHours(db, org.orgId, {
    id: ids.operatingHoursId,
    name: 'Office',
    timeZone: 'Europe/Paris',
    weekly: [{ day: 'mon', start: '09:00', end: '17:00' }],
    holidays: [],
  });
  for (const u of spec.users.filter((x) => (x.role ?? 'agent') === 'agent')) {
    await config.saveAgentRouting(db, org.orgId, {
      userId: org.user(u.key).id,
      capacity: u.capacity ?? 2,
      queueIds: (u.queues ?? []).map(org.queueId),
      skills: [{ skillId: ids.skillId, proficiency: 5 }],
      capacityProfiles: [{ profileId: ids.capacityProfileId, customLimit: null }],
    });
  }
  const channel = await insertChannel(
    db,
    org.orgId,
    {
      name: 'SMS',
      provider: 'twilio',
      workstreamId: org.workstreamId,
      numbers: ['+15005550006'],
      settings: { accountSid: `AC${'0'.repeat(32)}`, messagingServiceSid: null, apiBaseUrl: null },
      secrets: testSecrets.seal(JSON.stringify({ authToken: 'x'.repeat(32) })),
    },
    new Date(),
  );
  const template = await insertTemplate(db, org.orgId, { name: 'Ready', bodies: { en: 'It is ready.' } }, new Date());
  const key = { channel: 'sms', trigger: 'queued' } as const;
  await saveAutomatedMessage(db, org.orgId, key, { enabled: true, bodies: { en: 'Please wait.' } }, new Date());
  const reply = { title: 'Hello', bodies: { en: 'Hello {customerName}.' } };
  const orgReply = await insertQuickReply(db, org.orgId, null, reply, new Date());
  const firstAgent = spec.users.find((u) => (u.role ?? 'agent') === 'agent');
  const owner = org.user(firstAgent?.key ?? spec.users[0]!.key).id;
  const ownReply = await insertQuickReply(db, org.orgId, owner, { ...reply, title: 'Mine' }, new Date());
  const code = await insertDispositionCode(db, org.orgId, { name: 'Resolved', active: true });
  const kb = { language: 'en' as const, title: 'Invoices', keywords: '', body: 'On the billing page.' };
  const knowledgeArticleId = await insertArticle(db, org.orgId, null, kb, new Date());
  const macro = await insertMacro(
    db,
    org.orgId,
    { name: 'Case', steps: [{ id: 'c', kind: 'createCase', title: 'From {customer.name}' }] },
    new Date(),
  );
  const scriptSteps = [{ id: 'm', kind: 'macro' as const, macroId: macro.id }];
  const script = { name: 'Support', steps: scriptSteps, workstreamId: org.workstreamId, rule: null, order: 0 };
  const scriptId = (await insertScript(db, org.orgId, script, new Date())).id;
  const at = new Date();
  const apiClientId = await insertApiClient(db, org.orgId, {
    name: 'CRM sync',
    email: `api-client-${randomUUID()}@api-client.invalid`,
    passwordHash: '!',
    createdAt: at,
  });
  const { prefix, secretHash } = issueApiKey();
  const keyRow = { orgId: org.orgId, userId: apiClientId, name: 'first', prefix, secretHash, createdAt: at };
  const apiKey = await insertApiKey(db, keyRow);
  return {
    ...org,
    ...ids,
    channelId: channel.id,
    templateId: template.id,
    quickReplyId: orgReply.id,
    personalQuickReplyId: ownReply.id,
    dispositionCodeId: code.id,
    knowledgeArticleId,
    macroId: macro.id,
    scriptId,
    apiClientId,
    apiKeyId: apiKey!.id,
  };
}

// Sealed as the test servers seal (TEST_SECRET_KEY), so they can open what the fixture writes.
const testSecrets = createSecretBox(parseKey(TEST_SECRET_KEY)!);

/** The organisation under test and a neighbour built from the same spec (their own names, ids and users). */
export async function buildOrgPair(db: Db, spec: OrgSpec): Promise<OrgPair> {
  const org = await furnish(db, await buildOrg(db, spec), spec);
  const neighbour = await furnish(db, await buildOrg(db, spec), spec);
  const snapshot = async (): Promise<PairSnapshot> => ({
    org: await snapshotOrg(db, org.orgId),
    neighbour: await snapshotOrg(db, neighbour.orgId),
  });
  const atBuild = await snapshotOrg(db, neighbour.orgId);
  return {
    org,
    neighbour,
    snapshot,
    async expectUnchanged(before, what = 'the request') {
      const now = await snapshot();
      expect(now.neighbour, `${what} changed the neighbour organisation`).toEqual(before.neighbour);
      expect(now.org, `${what} changed the organisation under test`).toEqual(before.org);
    },
    async neighbourUnchanged(what = 'the test') {
      expect(await snapshotOrg(db, neighbour.orgId), `${what} changed the neighbour organisation`).toEqual(atBuild);
    },
  };
}
