import { z } from 'zod';
import { Channel, ConversationState, Email, Id, INT4_MAX, MultiLine, SingleLine, Timestamp } from './common.js';
import { JourneyAction } from './journey.js';

// Records (AG9), the timeline (CV4) and the customer summary (AG6): contacts, accounts, cases, notes and
// activities as the staff apps read and write them.

export const RelationshipType = z.enum(['customer', 'prospect', 'partner', 'vendor', 'other']);
export type RelationshipType = z.infer<typeof RelationshipType>;
export const PreferredContactMethod = z.enum(['any', 'email', 'phone', 'chat']);
export type PreferredContactMethod = z.infer<typeof PreferredContactMethod>;
export const CaseStatus = z.enum(['active', 'resolved', 'cancelled']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CasePriority = z.enum(['low', 'normal', 'high']);
export type CasePriority = z.infer<typeof CasePriority>;
export const RecordKind = z.enum(['contact', 'account', 'case']);
export type RecordKind = z.infer<typeof RecordKind>;

/** How a case number is shown: `CAS-01001` (five digits at least, more once past 99999). */
export const caseReference = (n: number) => `CAS-${String(n).padStart(5, '0')}`;

export const Account = z.object({
  id: Id,
  name: z.string(),
  externalId: z.string().nullable(),
  email: z.string().nullable(),
  /** E.164. */
  mainPhone: z.string().nullable(),
  city: z.string().nullable(),
  category: z.string().nullable(),
  relationshipType: RelationshipType.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Account = z.infer<typeof Account>;

export const Contact = z.object({
  id: Id,
  name: z.string(),
  externalId: z.string().nullable(),
  email: z.string().nullable(),
  /** E.164. */
  mobilePhone: z.string().nullable(),
  jobTitle: z.string().nullable(),
  city: z.string().nullable(),
  category: z.string().nullable(),
  relationshipType: RelationshipType.nullable(),
  preferredContactMethod: PreferredContactMethod.nullable(),
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;

export const Case = z.object({
  id: Id,
  number: z.number().int(),
  /** `CAS-01001`. */
  reference: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  product: z.string().nullable(),
  status: CaseStatus,
  priority: CasePriority,
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  contactId: Id.nullable(),
  contactName: z.string().nullable(),
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
});
export type Case = z.infer<typeof Case>;

/** An account with its contacts (the first 100 by name) and its cases (the latest 20). */
export const AccountDetail = Account.extend({ contacts: z.array(Contact), cases: z.array(Case) });
export type AccountDetail = z.infer<typeof AccountDetail>;
/** A contact with its cases (the latest 20). */
export const ContactDetail = Contact.extend({ cases: z.array(Case) });
export type ContactDetail = z.infer<typeof ContactDetail>;

export const Note = z.object({
  id: Id,
  body: z.string(),
  contactId: Id.nullable(),
  accountId: Id.nullable(),
  caseId: Id.nullable(),
  conversationId: Id.nullable(),
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  createdAt: Timestamp,
});
export type Note = z.infer<typeof Note>;

/**
 * Something that happened around a customer (CV4): `linked` / `unlinked` (a record and a
 * conversation), `case-resolved`, `macro-run` (AG8) ... `summary` is one line for people.
 */
export const Activity = z.object({
  id: Id,
  kind: z.string(),
  summary: z.string(),
  detail: z.record(z.string(), z.unknown()),
  contactId: Id.nullable(),
  accountId: Id.nullable(),
  caseId: Id.nullable(),
  conversationId: Id.nullable(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  createdAt: Timestamp,
});
export type Activity = z.infer<typeof Activity>;

// ---- Requests ----

const Name = SingleLine(200, { min: 1, minMessage: 'name is required' });
const Short = (max: number) => SingleLine(max).nullable().optional();
/** Any way a person writes a number; the server stores it in E.164 and refuses what is not a number. */
const Phone = SingleLine(40).nullable().optional();

export const NewAccount = z.strictObject({
  name: Name,
  externalId: Short(200),
  email: Email.nullable().optional(),
  mainPhone: Phone,
  city: Short(200),
  category: Short(200),
  relationshipType: RelationshipType.nullable().optional(),
});
export type NewAccount = z.input<typeof NewAccount>;
/** Only the fields given change; null clears one. */
export const AccountChange = NewAccount.partial();
export type AccountChange = z.input<typeof AccountChange>;

export const NewContact = z.strictObject({
  name: Name,
  externalId: Short(200),
  email: Email.nullable().optional(),
  mobilePhone: Phone,
  jobTitle: Short(200),
  city: Short(200),
  category: Short(200),
  relationshipType: RelationshipType.nullable().optional(),
  preferredContactMethod: PreferredContactMethod.nullable().optional(),
  accountId: Id.nullable().optional(),
});
export type NewContact = z.input<typeof NewContact>;
export const ContactChange = NewContact.partial();
export type ContactChange = z.input<typeof ContactChange>;

export const NewCase = z.strictObject({
  title: SingleLine(300, { min: 1, minMessage: 'title is required' }),
  description: MultiLine(10_000).nullable().optional(),
  product: Short(200),
  priority: CasePriority.default('normal'),
  /** The owner; absent: the person creating it (an API client: nobody). */
  ownerId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  /** Absent with a contact: the contact's account. */
  accountId: Id.nullable().optional(),
  /** Created during this conversation: it is linked to it too (AG8 macros, the agent's "new case"). */
  conversationId: Id.optional(),
});
export type NewCase = z.input<typeof NewCase>;
/** Resolving (status `resolved`) sets `resolvedAt`; going back to `active` clears it. */
export const CaseChange = z.strictObject({
  title: SingleLine(300, { min: 1, minMessage: 'title is required' }).optional(),
  description: MultiLine(10_000).nullable().optional(),
  product: Short(200),
  status: CaseStatus.optional(),
  priority: CasePriority.optional(),
  ownerId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  accountId: Id.nullable().optional(),
});
export type CaseChange = z.input<typeof CaseChange>;

/** A note on exactly one record, optionally written during a conversation (quick notes: CV4). */
export const NewNote = z.strictObject({
  recordType: RecordKind,
  recordId: Id,
  body: MultiLine(10_000, { min: 1, minMessage: 'a note needs some text' }),
  conversationId: Id.optional(),
});
export type NewNote = z.input<typeof NewNote>;

const limit = (max: number, dflt: number) =>
  z.coerce
    .number()
    .int('limit is a whole number')
    .min(1, 'limit is at least 1')
    .max(max, `limit is at most ${max}`)
    .default(dflt);
const Cursor = SingleLine(400, { min: 1, minMessage: 'cursor is empty' }).optional();

/**
 * A search of contacts (AG9): `q` is the start of a name, an email (whole or its start), a phone
 * number (matched in E.164) or an external id. Absent: every contact by name.
 */
export const RecordSearchQuery = z.object({
  q: SingleLine(200).optional(),
  cursor: Cursor,
  limit: limit(100, 25),
});
export type RecordSearchQuery = z.input<typeof RecordSearchQuery>;

/** Cases: `q` is a number (`CAS-01001`, `1001`) or the start of a title; filters by status, contact, account. */
export const CaseSearchQuery = RecordSearchQuery.extend({
  status: CaseStatus.optional(),
  contactId: Id.optional(),
  accountId: Id.optional(),
});
export type CaseSearchQuery = z.input<typeof CaseSearchQuery>;

export const ContactList = z.object({ contacts: z.array(Contact), nextCursor: z.string().nullable() });
export type ContactList = z.infer<typeof ContactList>;
export const AccountList = z.object({ accounts: z.array(Account), nextCursor: z.string().nullable() });
export type AccountList = z.infer<typeof AccountList>;
export const CaseList = z.object({ cases: z.array(Case), nextCursor: z.string().nullable() });
export type CaseList = z.infer<typeof CaseList>;

// ---- Links between a conversation and records (AG9) ----

export const LinkContactRequest = z.strictObject({ contactId: Id });
export const LinkAccountRequest = z.strictObject({ accountId: Id });
export const LinkCaseRequest = z.strictObject({ caseId: Id });
export type LinkContactRequest = z.infer<typeof LinkContactRequest>;
export type LinkAccountRequest = z.infer<typeof LinkAccountRequest>;
export type LinkCaseRequest = z.infer<typeof LinkCaseRequest>;

/** What a conversation is linked to now: every link and unlink answers this. */
export const ConversationLinks = z.object({
  conversationId: Id,
  contact: Contact.nullable(),
  account: Account.nullable(),
  case: Case.nullable(),
});
export type ConversationLinks = z.infer<typeof ConversationLinks>;

// ---- Timeline (CV4) ----

export const TimelineKind = z.enum(['conversation', 'case', 'note', 'activity']);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineConversation = z.object({
  id: Id,
  channel: Channel,
  state: ConversationState,
  queueName: z.string().nullable(),
  agentName: z.string().nullable(),
  customerName: z.string(),
  firstMessage: z.string().nullable(),
  createdAt: Timestamp,
  closedAt: Timestamp.nullable(),
});
export type TimelineConversation = z.infer<typeof TimelineConversation>;

/** One item, newest first by `at`: a conversation's start, a case's creation, a note, an activity. */
export const TimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conversation'), id: Id, at: Timestamp, conversation: TimelineConversation }),
  z.object({ kind: z.literal('case'), id: Id, at: Timestamp, case: Case }),
  z.object({ kind: z.literal('note'), id: Id, at: Timestamp, note: Note }),
  z.object({ kind: z.literal('activity'), id: Id, at: Timestamp, activity: Activity }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;

/** `kinds`: a comma-separated subset, e.g. `note,case`; absent: every kind. */
export const TimelineQuery = z.object({
  kinds: z
    .string()
    .max(60, 'kinds is at most 60 characters')
    .regex(
      /^(conversation|case|note|activity)(,(conversation|case|note|activity))*$/,
      'kinds is a comma-separated list of conversation, case, note, activity',
    )
    .optional(),
  cursor: Cursor,
  limit: limit(100, 25),
});
export type TimelineQuery = z.input<typeof TimelineQuery>;

export const TimelinePage = z.object({ items: z.array(TimelineItem), nextCursor: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePage>;

// ---- Customer summary (AG6) ----

export const CustomerSummary = z.object({
  conversationId: Id,
  /** Who the customer is: the linked contact, else the linked account, else what the chat said. */
  profile: z.object({
    source: z.enum(['contact', 'account', 'conversation']),
    name: z.string(),
    accountName: z.string().nullable(),
    jobTitle: z.string().nullable(),
    relationshipType: RelationshipType.nullable(),
    city: z.string().nullable(),
    category: z.string().nullable(),
    preferredContactMethod: PreferredContactMethod.nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  conversation: z.object({
    channel: Channel,
    state: ConversationState,
    queueName: z.string().nullable(),
    /** The skills routing asked for, by name. */
    skills: z.array(z.string()),
    startedAt: Timestamp,
    acceptedAt: Timestamp.nullable(),
    /** From start to acceptance, or to now while nobody has accepted it. */
    waitSeconds: z.number().int().min(0),
  }),
  /** The pre-chat survey's answers in the order asked. */
  prechat: z.array(z.object({ question: z.string(), answer: z.string() })),
  /** The visitor's self-service actions, newest first (at most 100). */
  journey: z.array(JourneyAction),
  visitor: z.object({
    authenticated: z.boolean(),
    browser: z.string().nullable(),
    os: z.string().nullable(),
    location: z.string().nullable(),
    language: z.string().nullable(),
  }),
  /** The context variables the host page or the survey set. */
  context: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  links: ConversationLinks,
  /** The customer's latest cases (contact's, else account's), at most 10. */
  recentCases: z.array(Case),
  /** The timeline's first page, for the linked contact (else account); empty for an unknown customer. */
  timeline: TimelinePage,
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

// ---- CSV import (admin) ----

/** The largest CSV text one import call takes: the admin center sends a bigger file in chunks. */
export const IMPORT_MAX_CSV_CHARS = 2_000_000;

/**
 * One chunk of a CSV file. Every chunk starts with the header line; `firstLine` is the file's line
 * number of the chunk's first row after the header (2 for the first chunk), so results name file lines.
 */
export const RecordsImportRequest = z.strictObject({
  kind: z.enum(['contacts', 'accounts']),
  csv: MultiLine(IMPORT_MAX_CSV_CHARS, { trim: false, min: 1, minMessage: 'csv is empty' }),
  firstLine: z.number().int().min(2, 'firstLine is at least 2').max(INT4_MAX).default(2),
});
export type RecordsImportRequest = z.input<typeof RecordsImportRequest>;

export const ImportRowResult = z.object({
  line: z.number().int(),
  ok: z.boolean(),
  id: Id.optional(),
  reason: z.string().optional(),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const RecordsImportResult = z.object({
  imported: z.number().int().min(0),
  failed: z.number().int().min(0),
  results: z.array(ImportRowResult),
});
export type RecordsImportResult = z.infer<typeof RecordsImportResult>;
