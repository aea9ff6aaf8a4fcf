import type { Case, Contact, CustomerSummary, Note, TimelineItem } from '@switchboard/protocol';
import { id } from './outbound-fixtures';

export const CONVERSATION = id(501);
export const EMMA = id(511);
export const FABRIKAM = id(512);
export const VAT_CASE = id(521);
export const OLD_CASE = id(522);

const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00.000Z`;

export const emma: Contact = {
  id: EMMA,
  name: 'Emma Janssen',
  externalId: null,
  email: 'emma@fabrikam.example',
  mobilePhone: '+31612345678',
  jobTitle: 'Buyer',
  city: 'Amsterdam',
  category: 'Preferred',
  relationshipType: 'customer',
  preferredContactMethod: 'email',
  accountId: FABRIKAM,
  accountName: 'Fabrikam',
  createdAt: at(0),
  updatedAt: at(0),
};

export function aCase(caseId: string, number: number, title: string, extra: Partial<Case> = {}): Case {
  return {
    id: caseId,
    number,
    reference: `CAS-0${number}`,
    title,
    description: null,
    product: 'Invoicing',
    status: 'active',
    priority: 'high',
    ownerId: null,
    ownerName: 'Alice Martin',
    contactId: EMMA,
    contactName: 'Emma Janssen',
    accountId: FABRIKAM,
    accountName: 'Fabrikam',
    createdAt: at(1),
    updatedAt: at(1),
    resolvedAt: null,
    ...extra,
  };
}

export const vatCase = aCase(VAT_CASE, 1001, 'Invoice shows the wrong VAT rate');
export const oldCase = aCase(OLD_CASE, 1000, 'Parcel arrived damaged', { status: 'resolved', priority: 'low' });

export const note = (n: number, body: string): Note => ({
  id: id(600 + n),
  body,
  contactId: EMMA,
  accountId: null,
  caseId: null,
  conversationId: CONVERSATION,
  authorId: id(11),
  authorName: 'Alice Martin',
  createdAt: at(30 + n),
});

/** Newest first, one of each kind. */
export const timelineItems: TimelineItem[] = [
  { kind: 'note', id: id(601), at: at(31), note: note(1, 'Prefers invoices by email') },
  {
    kind: 'activity',
    id: id(701),
    at: at(20),
    activity: {
      id: id(701),
      kind: 'linked',
      summary: 'Case CAS-01001 linked to a conversation',
      detail: {},
      contactId: EMMA,
      accountId: null,
      caseId: VAT_CASE,
      conversationId: CONVERSATION,
      actorId: null,
      actorName: null,
      createdAt: at(20),
    },
  },
  { kind: 'case', id: VAT_CASE, at: at(1), case: vatCase },
  {
    kind: 'conversation',
    id: id(801),
    at: at(0),
    conversation: {
      id: id(801),
      channel: 'webchat',
      state: 'closed',
      queueName: 'Billing',
      agentName: 'Bob',
      customerName: 'Emma Janssen',
      firstMessage: 'My last invoice is wrong',
      createdAt: at(0),
      closedAt: at(9),
    },
  },
];

export function summaryFixture(over: Partial<CustomerSummary> = {}): CustomerSummary {
  return {
    conversationId: CONVERSATION,
    profile: {
      source: 'contact',
      name: 'Emma Janssen',
      accountName: 'Fabrikam',
      jobTitle: 'Buyer',
      relationshipType: 'customer',
      city: 'Amsterdam',
      category: 'Preferred',
      preferredContactMethod: 'email',
      email: 'emma@fabrikam.example',
      phone: '+31612345678',
    },
    conversation: {
      channel: 'webchat',
      state: 'active',
      queueName: 'Billing',
      skills: ['Dutch', 'Invoices'],
      startedAt: at(40),
      acceptedAt: at(42),
      waitSeconds: 125,
    },
    prechat: [{ question: 'What is your question?', answer: 'My invoice has the wrong VAT' }],
    journey: [
      { id: id(901), kind: 'article-viewed', name: 'VAT rates explained', detail: {}, at: at(39) },
      { id: id(902), kind: 'search', name: 'vat invoice', detail: {}, at: at(38) },
      { id: id(903), kind: 'page-visited', name: 'https://contoso.example/billing', detail: {}, at: at(37) },
      { id: id(904), kind: 'custom', name: 'Downloaded invoice PDF', detail: {}, at: at(36) },
    ],
    visitor: {
      authenticated: true,
      browser: 'Chrome 131',
      os: 'Windows 11',
      location: 'Amsterdam, NL',
      language: 'nl',
    },
    context: { plan: 'Gold', orderCount: 12 },
    links: { conversationId: CONVERSATION, contact: emma, account: null, case: vatCase },
    recentCases: [vatCase, oldCase],
    timeline: { items: timelineItems, nextCursor: null },
    ...over,
  };
}
