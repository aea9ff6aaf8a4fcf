import { and, asc, eq } from 'drizzle-orm';
import type { ApiClient } from '@switchboard/protocol';
import type { Db } from '../../src/store/db.js';
import {
  accounts,
  cases,
  recordActivities,
  recordNotes,
  apiKeys,
  attachments,
  channelInbound,
  channels,
  contacts,
  conversationEvents,
  conversationParticipants,
  conversations,
  dispositionCodes,
  knowledgeArticles,
  notifications,
  notificationTemplates,
  offers,
  quickReplies,
  orgSettings,
  users,
  widgets,
} from '../../src/store/schema.js';

/**
 * Everything an organisation holds that a request could change: its whole routing configuration
 * (the export an admin downloads, without its timestamp) and every row of its conversations,
 * events, offers, participants, contacts, widgets, channels and their inbound log, quick replies,
 * disposition codes, attachments and the organisation's settings row (attachment limits).
 * The outbox is left out: its sender changes rows in the background (attempts, states) whatever the
 * request did. Equal snapshots: the request changed nothing.
 * Users are left out on purpose: any agent request records presence activity on the user row. API
 * clients (AD1) are in, with their keys: no request of a person touches them.
 */
export async function orgSnapshot(db: Db, admin: ApiClient, orgId: string): Promise<string> {
  const { exportedAt: _, ...config } = await admin.call('exportConfig');
  const rows = await Promise.all([
    db.select().from(conversations).where(eq(conversations.orgId, orgId)).orderBy(asc(conversations.id)),
    db.select().from(conversationEvents).where(eq(conversationEvents.orgId, orgId)).orderBy(asc(conversationEvents.id)),
    db.select().from(offers).where(eq(offers.orgId, orgId)).orderBy(asc(offers.id)),
    db
      .select()
      .from(conversationParticipants)
      .where(eq(conversationParticipants.orgId, orgId))
      .orderBy(asc(conversationParticipants.id)),
    db.select().from(contacts).where(eq(contacts.orgId, orgId)).orderBy(asc(contacts.id)),
    db.select().from(widgets).where(eq(widgets.orgId, orgId)).orderBy(asc(widgets.id)),
    db.select().from(channels).where(eq(channels.orgId, orgId)).orderBy(asc(channels.id)),
    db.select().from(channelInbound).where(eq(channelInbound.orgId, orgId)).orderBy(asc(channelInbound.id)),
    db.select().from(quickReplies).where(eq(quickReplies.orgId, orgId)).orderBy(asc(quickReplies.id)),
    db.select().from(dispositionCodes).where(eq(dispositionCodes.orgId, orgId)).orderBy(asc(dispositionCodes.id)),
    db
      .select()
      .from(notificationTemplates)
      .where(eq(notificationTemplates.orgId, orgId))
      .orderBy(asc(notificationTemplates.scenario)),
    db.select().from(notifications).where(eq(notifications.orgId, orgId)).orderBy(asc(notifications.id)),
    db.select().from(attachments).where(eq(attachments.orgId, orgId)).orderBy(asc(attachments.id)),
    db.select().from(orgSettings).where(eq(orgSettings.orgId, orgId)),
    db
      .select()
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.role, 'api')))
      .orderBy(asc(users.id)),
    db.select().from(apiKeys).where(eq(apiKeys.orgId, orgId)).orderBy(asc(apiKeys.id)),
    // AG9: knowledge articles, drafts too.
    db.select().from(knowledgeArticles).where(eq(knowledgeArticles.orgId, orgId)).orderBy(asc(knowledgeArticles.id)),
    // AG9, CV4: records and what hangs off them.
    db.select().from(accounts).where(eq(accounts.orgId, orgId)).orderBy(asc(accounts.id)),
    db.select().from(cases).where(eq(cases.orgId, orgId)).orderBy(asc(cases.id)),
    db.select().from(recordNotes).where(eq(recordNotes.orgId, orgId)).orderBy(asc(recordNotes.id)),
    db.select().from(recordActivities).where(eq(recordActivities.orgId, orgId)).orderBy(asc(recordActivities.id)),
  ]);
  return JSON.stringify({ config, rows });
}
