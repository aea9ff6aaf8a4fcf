import {
  caseReference,
  type Account,
  type Activity,
  type Case,
  type Contact,
  type Note,
  type TimelineConversation,
} from '@switchboard/protocol';
import type { AccountRow } from '../../store/records/accounts.js';
import type { ActivityRow } from '../../store/records/activities.js';
import type { CaseRow } from '../../store/records/cases.js';
import type { ContactRow } from '../../store/records/contacts.js';
import type { NoteRow } from '../../store/records/notes.js';
import type { conversationItems } from '../../store/records/conversation-facts.js';

// Rows as the protocol shows them (packages/protocol/src/records.ts).

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const accountView = (r: AccountRow): Account => ({
  id: r.id,
  name: r.name,
  externalId: r.externalId,
  email: r.email,
  mainPhone: r.mainPhone,
  city: r.city,
  category: r.category,
  relationshipType: r.relationshipType,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const contactView = (r: ContactRow): Contact => ({
  id: r.id,
  name: r.name,
  externalId: r.externalId,
  email: r.email,
  mobilePhone: r.mobilePhone,
  jobTitle: r.jobTitle,
  city: r.city,
  category: r.category,
  relationshipType: r.relationshipType,
  preferredContactMethod: r.preferredContactMethod,
  accountId: r.accountId,
  accountName: r.accountName,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const caseView = (r: CaseRow): Case => ({
  id: r.id,
  number: r.number,
  reference: caseReference(r.number),
  title: r.title,
  description: r.description,
  product: r.product,
  status: r.status,
  priority: r.priority,
  ownerId: r.ownerId,
  ownerName: r.ownerName,
  contactId: r.contactId,
  contactName: r.contactName,
  accountId: r.accountId,
  accountName: r.accountName,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  resolvedAt: iso(r.resolvedAt),
});

export const noteView = (r: NoteRow): Note => ({
  id: r.id,
  body: r.body,
  contactId: r.contactId,
  accountId: r.accountId,
  caseId: r.caseId,
  conversationId: r.conversationId,
  authorId: r.authorId,
  authorName: r.authorName,
  createdAt: r.createdAt.toISOString(),
});

export const activityView = (r: ActivityRow): Activity => ({
  id: r.id,
  kind: r.kind,
  summary: r.summary,
  detail: r.detail,
  contactId: r.contactId,
  accountId: r.accountId,
  caseId: r.caseId,
  conversationId: r.conversationId,
  actorId: r.actorId,
  actorName: r.actorName,
  createdAt: r.createdAt.toISOString(),
});

type ConversationItemRow = Awaited<ReturnType<typeof conversationItems>>[number];
export const conversationItemView = (r: ConversationItemRow): TimelineConversation => ({
  id: r.id,
  channel: r.channel,
  state: r.state,
  queueName: r.queueName,
  agentName: r.agentName,
  customerName: r.customerName,
  firstMessage: r.firstMessage,
  createdAt: r.createdAt.toISOString(),
  closedAt: iso(r.closedAt),
});
