import { sql } from 'drizzle-orm';
import type { AssignmentMethod, OverflowRule, SkillRequirement, Weekday, Workstream } from '@switchboard/protocol';
import type { WidgetAuthSettings } from '@switchboard/protocol';
import type { StoredTraceStep } from './trace-encoding.js';
import type { SentimentLevel } from '../domain/sentiment/levels.js';
import { MEASURE_FIELDS } from '../domain/insights/measure-fields.js';
import type { PostChatSurvey, PrechatSurvey, WidgetAppearance } from '@switchboard/protocol';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Every table but server_settings carries org_id, and every query filters on it, so that
// one deployment hosts many organisations and a large one can shard by organisation.

/** A widget's sign-in settings as stored: the protocol's, without `off` (stored as null). */
export type SiteAuthSettings = Exclude<WidgetAuthSettings, { mode: 'off' }>;

export type WorkstreamSettings = Omit<Workstream, 'id' | 'name' | 'fallbackQueueId'>;

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().defaultRandom();
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);

export const serverSettings = pgTable('server_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** A disabled organisation's staff tokens and widgets stop working at once. */
  disabledAt: ts('disabled_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    orgId: orgId(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    // `api`: an API client (AD1), whose keys are in api_keys; it has no password that signs in.
    role: text('role', { enum: ['agent', 'supervisor', 'admin', 'api'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    capacity: integer('capacity').notNull().default(3),
    usedCapacity: integer('used_capacity').notNull().default(0),
    presence: text('presence', { enum: ['available', 'busy', 'busy-dnd', 'away', 'offline'] })
      .notNull()
      .default('offline'),
    /** `presence` is what routing reads: derived from the presence facts below and capacity, kept in step. */
    manualPresence: text('manual_presence', { enum: ['available', 'busy', 'busy-dnd', 'away', 'offline'] }),
    customPresenceId: uuid('custom_presence_id'),
    manualSetAt: ts('manual_set_at'),
    lastActivityAt: ts('last_activity_at'),
    signedInAt: ts('signed_in_at'),
    connected: boolean('connected').notNull().default(false),
    disconnectedAt: ts('disconnected_at'),
    /** The manual presence at the last disconnect, restored on a return within 2.5 minutes. */
    presenceBeforeDisconnect: jsonb('presence_before_disconnect').$type<{
      presence: string;
      setAt: string;
      customPresenceId: string | null;
    } | null>(),
    lastAssignedAt: ts('last_assigned_at'),
    /** Least active routing: when this agent last gave capacity back. */
    lastCapacityReleaseAt: ts('last_capacity_release_at'),
    /** A disabled user cannot sign in and their tokens stop working on the next request. */
    disabledAt: ts('disabled_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), index('users_org_idx').on(t.orgId)],
);

/** One signed-in staff session: its id is in the token, so sign-out (revocation) takes effect at once. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId), index('staff_sessions_expiry_idx').on(t.expiresAt)],
);

export const queues = pgTable(
  'queues',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    /** Lower wins. */
    priority: integer('priority').notNull().default(100),
    assignment: jsonb('assignment').$type<AssignmentMethod>().notNull().default({ kind: 'highest-capacity' }),
    operatingHoursId: uuid('operating_hours_id').references(() => operatingHours.id),
    overflow: jsonb('overflow').$type<OverflowRule[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('queues_org_name_key').on(t.orgId, t.name)],
);

export const queueMembers = pgTable(
  'queue_members',
  {
    orgId: orgId(),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    joinedAt: ts('joined_at').notNull().defaultNow(),
    /** Round robin is kept per queue, here in PostgreSQL, never in a cache. */
    lastAssignedAt: ts('last_assigned_at'),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.userId] }), index('queue_members_user_idx').on(t.userId)],
);

/** The workstream's settings and rules live in `config` (validated by the protocol's Workstream schema). */
export const workstreams = pgTable('workstreams', {
  id: id(),
  orgId: orgId(),
  name: text('name').notNull(),
  fallbackQueueId: uuid('fallback_queue_id')
    .notNull()
    .references(() => queues.id),
  config: jsonb('config').$type<WorkstreamSettings>().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const widgets = pgTable('widgets', {
  id: text('id').primaryKey(),
  orgId: orgId(),
  workstreamId: uuid('workstream_id')
    .notNull()
    .references(() => workstreams.id),
  title: text('title').notNull(),
  /** Sites (origins such as https://shop.example) that may frame the widget and call its API; empty: any. */
  allowedSites: jsonb('allowed_sites').$type<string[]>().notNull().default([]),
  // CH1 widget settings (protocol widget-settings.ts); null: the defaults.
  appearance: jsonb('appearance').$type<WidgetAppearance>(),
  prechatSurvey: jsonb('prechat_survey').$type<PrechatSurvey>(),
  postChatSurvey: jsonb('post_chat_survey').$type<PostChatSurvey>(),
  /** The hours the widget tells visitors before the pre-chat form; null: always open. */
  operatingHoursId: uuid('operating_hours_id').references((): AnyPgColumn => operatingHours.id, {
    onDelete: 'set null',
  }) /** CH1, CH5: the keys the site's sign-in JWT is checked against (protocol widget-auth.ts); null: off. */,
  siteAuth: jsonb('site_auth').$type<SiteAuthSettings>(),
});

/** How a customer likes to be reached (AG6 profile). */
export type PreferredContactMethod = 'any' | 'email' | 'phone' | 'chat';
export type RelationshipType = 'customer' | 'prospect' | 'partner' | 'vendor' | 'other';

// Records (AG9): accounts, contacts, cases, notes and knowledge articles. `external_id` is the
// customer's id in the business's own systems: an authenticated chat's JWT `sub` may carry it (CH5).
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    externalId: text('external_id'),
    email: text('email'),
    mainPhone: text('main_phone'),
    city: text('city'),
    category: text('category'),
    relationshipType: text('relationship_type').$type<RelationshipType>(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('accounts_org_name_idx').on(t.orgId, sql`lower(${t.name})`),
    index('accounts_org_name_c_idx').on(t.orgId, sql`lower(${t.name}) collate "C"`, t.id),
    uniqueIndex('accounts_org_external_key')
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    externalId: text('external_id'),
    email: text('email'),
    mobilePhone: text('mobile_phone'),
    jobTitle: text('job_title'),
    city: text('city'),
    category: text('category'),
    relationshipType: text('relationship_type').$type<RelationshipType>(),
    preferredContactMethod: text('preferred_contact_method').$type<PreferredContactMethod>(),
    accountId: uuid('account_id').references(() => accounts.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('contacts_org_email_idx').on(t.orgId, sql`lower(${t.email})`),
    // Inbound texts are matched by number (CH5); numbers are stored in E.164.
    index('contacts_org_mobile_idx').on(t.orgId, t.mobilePhone),
    index('contacts_org_name_idx').on(t.orgId, sql`lower(${t.name})`),
    // AG9 search at a million contacts: the start of a name or an email, as a range on a C-collated key.
    index('contacts_org_name_c_idx').on(t.orgId, sql`lower(${t.name}) collate "C"`, t.id),
    index('contacts_org_email_c_idx').on(t.orgId, sql`lower(${t.email}) collate "C"`),
    index('contacts_account_idx')
      .on(t.accountId)
      .where(sql`${t.accountId} is not null`),
    uniqueIndex('contacts_org_external_key')
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: id(),
    orgId: orgId(),
    /** Shown as CAS-01001: numbered per organisation, never reused. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    product: text('product'),
    status: text('status', { enum: ['active', 'resolved', 'cancelled'] })
      .notNull()
      .default('active'),
    priority: text('priority', { enum: ['low', 'normal', 'high'] })
      .notNull()
      .default('normal'),
    ownerId: uuid('owner_id').references(() => users.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    accountId: uuid('account_id').references(() => accounts.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    resolvedAt: ts('resolved_at'),
  },
  (t) => [
    uniqueIndex('cases_org_number_key').on(t.orgId, t.number),
    index('cases_contact_idx')
      .on(t.contactId, t.status)
      .where(sql`${t.contactId} is not null`),
    index('cases_account_idx')
      .on(t.accountId, t.status)
      .where(sql`${t.accountId} is not null`),
    // AG9: the case list, newest first.
    index('cases_org_created_idx').on(t.orgId, t.createdAt, t.id),
  ],
);

/** A note on a contact, an account or a case (one of the three), optionally written during a conversation. */
export const recordNotes = pgTable(
  'record_notes',
  {
    id: id(),
    orgId: orgId(),
    contactId: uuid('contact_id').references(() => contacts.id),
    accountId: uuid('account_id').references(() => accounts.id),
    caseId: uuid('case_id').references(() => cases.id),
    conversationId: uuid('conversation_id').references((): AnyPgColumn => conversations.id),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('record_notes_contact_idx')
      .on(t.contactId, t.createdAt)
      .where(sql`${t.contactId} is not null`),
    index('record_notes_account_idx')
      .on(t.accountId, t.createdAt)
      .where(sql`${t.accountId} is not null`),
    index('record_notes_case_idx')
      .on(t.caseId, t.createdAt)
      .where(sql`${t.caseId} is not null`),
  ],
);

/**
 * CV4: what happened around a customer that is not a conversation, case or note of its own: a
 * record linked or unlinked, a macro run with its result, a case resolved. The timeline reads these
 * beside conversations, cases and notes.
 */
export const recordActivities = pgTable(
  'record_activities',
  {
    id: id(),
    orgId: orgId(),
    kind: text('kind').notNull(),
    contactId: uuid('contact_id').references(() => contacts.id),
    accountId: uuid('account_id').references(() => accounts.id),
    caseId: uuid('case_id').references(() => cases.id),
    conversationId: uuid('conversation_id').references((): AnyPgColumn => conversations.id),
    actorId: uuid('actor_id').references(() => users.id),
    summary: text('summary').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('record_activities_contact_idx')
      .on(t.contactId, t.createdAt)
      .where(sql`${t.contactId} is not null`),
    index('record_activities_account_idx')
      .on(t.accountId, t.createdAt)
      .where(sql`${t.accountId} is not null`),
    index('record_activities_case_idx')
      .on(t.caseId, t.createdAt)
      .where(sql`${t.caseId} is not null`),
  ],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Knowledge articles in en, nl or fr, searched with the language's own stemming: the search vector
 * is computed by the database with the configuration of the article's language (title weighs most).
 */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: id(),
    orgId: orgId(),
    language: text('language', { enum: ['en', 'nl', 'fr'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    keywords: text('keywords').notNull().default(''),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`case language when 'nl' then
        setweight(to_tsvector('dutch'::regconfig, title), 'A') ||
        setweight(to_tsvector('dutch'::regconfig, keywords), 'B') || to_tsvector('dutch'::regconfig, body)
      when 'fr' then
        setweight(to_tsvector('french'::regconfig, title), 'A') ||
        setweight(to_tsvector('french'::regconfig, keywords), 'B') || to_tsvector('french'::regconfig, body)
      else
        setweight(to_tsvector('english'::regconfig, title), 'A') ||
        setweight(to_tsvector('english'::regconfig, keywords), 'B') || to_tsvector('english'::regconfig, body)
      end`,
    ),
  },
  (t) => [
    index('knowledge_articles_search_idx').using('gin', t.search),
    index('knowledge_articles_org_idx').on(t.orgId, t.language, t.updatedAt),
  ],
);

/** CH1: the visitor's journey, from the widget's tracking calls (pages, searches, articles, custom actions). */
export const journeyActions = pgTable(
  'journey_actions',
  {
    id: id(),
    orgId: orgId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references((): AnyPgColumn => conversations.id),
    kind: text('kind', { enum: ['page-visited', 'search', 'article-viewed', 'custom'] }).notNull(),
    name: text('name').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: ts('at').notNull(),
  },
  (t) => [index('journey_actions_conversation_idx').on(t.conversationId, t.at)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    orgId: orgId(),
    workstreamId: uuid('workstream_id')
      .notNull()
      .references(() => workstreams.id),
    queueId: uuid('queue_id').references(() => queues.id),
    channel: text('channel', { enum: ['webchat', 'sms', 'custom'] }).notNull(),
    /** The channel it came in on (CH5-CH7); null for web chat, which names its widget in the context. */
    channelId: uuid('channel_id').references(() => channels.id),
    /** The customer's address on that channel: an E.164 number for SMS. Replies go there. */
    customerAddress: text('customer_address'),
    state: text('state', { enum: ['open', 'active', 'waiting', 'wrap-up', 'closed'] }).notNull(),
    contactId: uuid('contact_id').references(() => contacts.id),
    /** The account and case the agent (or identification) linked it to (AG9). */
    accountId: uuid('account_id').references(() => accounts.id),
    caseId: uuid('case_id').references(() => cases.id),
    /** CH1: the site's JWT identified the customer. */
    authenticated: boolean('authenticated').notNull().default(false),
    /** CH1: what the widget knew of the visitor: browser, operating system, location, language. */
    visitor: jsonb('visitor').$type<Record<string, string | null>>(),
    agentId: uuid('agent_id').references(() => users.id),
    customerName: text('customer_name').notNull(),
    customerEmail: text('customer_email'),
    firstMessage: text('first_message'),
    prechat: jsonb('prechat'),
    context: jsonb('context').notNull().default({}),
    locale: text('locale').notNull().default('en'),
    /** What this conversation costs (units, or capacity profiles) and what the agent holds right now. */
    capacityUnits: integer('capacity_units').notNull(),
    capacityProfileIds: jsonb('capacity_profile_ids').$type<string[]>().notNull().default([]),
    chargedUnits: integer('charged_units').notNull().default(0),
    chargedProfileIds: jsonb('charged_profile_ids').$type<string[]>().notNull().default([]),
    /** Classification outputs (RT2): lower priority is more urgent. */
    priority: integer('priority').notNull().default(100),
    severity: text('severity'),
    skills: jsonb('skills').$type<SkillRequirement[]>().notNull().default([]),
    /** Affinity: the agent who last had it. */
    previousAgentId: uuid('previous_agent_id'),
    lastCustomerMessageAt: ts('last_customer_message_at'),
    /** Copied from the queue so the next block of work is one index scan (kept in step on queue edits). */
    queuePriority: integer('queue_priority').notNull().default(100),
    /** FIFO age: when it entered the queue, or for asynchronous channels the customer's last message. */
    routingAge: ts('routing_age').notNull(),
    /** Wrap-up blocking "release after": when the agent's capacity comes back. */
    releaseCapacityAt: ts('release_capacity_at'),
    lastSeq: integer('last_seq').notNull().default(0),
    lastPublicSeq: integer('last_public_seq').notNull().default(0),
    waitingSince: ts('waiting_since').notNull(),
    createdAt: ts('created_at').notNull(),
    acceptedAt: ts('accepted_at'),
    endedAt: ts('ended_at'),
    closedAt: ts('closed_at'),
    /** The wrap-up form (AG4): the disposition code the agent chose and their summary note. */
    dispositionCodeId: uuid('disposition_code_id').references(() => dispositionCodes.id),
    wrapUpNote: text('wrap_up_note'),
    /** The queue whose overflow offered this customer a callback when it ended the conversation. */
    callbackQueueId: uuid('callback_queue_id').references(() => queues.id, { onDelete: 'set null' }),
    /** Set on the work item a callback request became: there is no chat to write in, the agent phones. */
    callbackId: uuid('callback_id').references((): AnyPgColumn => callbacks.id),
    /** SV8: the customer's last six message scores, oldest first, and the level they give. */
    sentimentRecent: jsonb('sentiment_recent').$type<{ score: number; profanity: boolean }[]>().notNull().default([]),
    sentimentLevel: text('sentiment_level').$type<SentimentLevel>(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('conversations_routing_idx').on(t.orgId, t.state, t.queuePriority, t.priority, t.routingAge, t.id),
    index('conversations_release_idx')
      .on(t.releaseCapacityAt)
      .where(sql`${t.releaseCapacityAt} is not null`),
    // Only assigned conversations: the waiting backlog (no agent) stays out of it, whatever its size.
    index('conversations_agent_idx')
      .on(t.agentId, t.state)
      .where(sql`${t.agentId} is not null`),
    // Staff lists page newest first with a (created_at, id) cursor.
    index('conversations_org_created_idx').on(t.orgId, t.createdAt, t.id),
    // CV4: a contact's or an account's conversations on its timeline, newest first.
    index('conversations_contact_idx')
      .on(t.contactId, t.createdAt)
      .where(sql`${t.contactId} is not null`),
    index('conversations_account_idx')
      .on(t.accountId, t.createdAt)
      .where(sql`${t.accountId} is not null`),
    // An inbound text finds the number's latest conversation on its channel (to continue or reopen it).
    index('conversations_channel_address_idx')
      .on(t.channelId, t.customerAddress, t.createdAt)
      .where(sql`${t.channelId} is not null`),
  ],
);

export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: id(),
    orgId: orgId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    seq: integer('seq').notNull(),
    /** Set only for events the customer sees, numbered in the customer's own sequence. */
    publicSeq: integer('public_seq'),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    clientId: text('client_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('conversation_events_seq_key').on(t.conversationId, t.seq),
    // Partial: most events are staff-only or server-made, and skip these two on every insert.
    uniqueIndex('conversation_events_public_seq_key')
      .on(t.conversationId, t.publicSeq)
      .where(sql`${t.publicSeq} is not null`),
    uniqueIndex('conversation_events_client_key')
      .on(t.conversationId, t.clientId)
      .where(sql`${t.clientId} is not null`),
  ],
);

export const offers = pgTable(
  'offers',
  {
    id: id(),
    orgId: orgId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['pending', 'accepted', 'rejected', 'timeout', 'withdrawn'] }).notNull(),
    offeredAt: ts('offered_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    closedAt: ts('closed_at'),
    autoAccepted: boolean('auto_accepted').notNull().default(false),
  },
  (t) => [
    index('offers_pending_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
    index('offers_conversation_idx').on(t.conversationId),
    index('offers_agent_idx').on(t.agentId, t.status),
  ],
);

/** Who took part, from when to when (CV2); the customer and every agent who accepted. */
export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    id: id(),
    orgId: orgId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    userId: uuid('user_id').references(() => users.id),
    role: text('role', { enum: ['customer', 'primary', 'consultant', 'monitor', 'bot'] }).notNull(),
    name: text('name').notNull(),
    /** A consultant the primary agent lets write to the customer too (AG5); otherwise notes only. */
    mayMessageCustomer: boolean('may_message_customer').notNull().default(false),
    joinedAt: ts('joined_at').notNull(),
    leftAt: ts('left_at'),
  },
  (t) => [index('participants_conversation_idx').on(t.conversationId), index('participants_user_idx').on(t.userId)],
);

export const skills = pgTable(
  'skills',
  { id: id(), orgId: orgId(), name: text('name').notNull(), type: text('type').notNull().default('General') },
  (t) => [uniqueIndex('skills_org_name_key').on(t.orgId, t.name)],
);

export const agentSkills = pgTable(
  'agent_skills',
  {
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id),
    proficiency: integer('proficiency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.skillId] }), index('agent_skills_skill_idx').on(t.skillId)],
);

export const capacityProfiles = pgTable(
  'capacity_profiles',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    defaultLimit: integer('default_limit').notNull(),
    resetFrequency: text('reset_frequency', { enum: ['immediate', 'end-of-day'] }).notNull(),
    blocksAssignment: boolean('blocks_assignment').notNull().default(true),
  },
  (t) => [uniqueIndex('capacity_profiles_org_name_key').on(t.orgId, t.name)],
);

/** An agent's capacity profiles, their own limit (null = the profile's default) and what they use now. */
export const agentCapacityProfiles = pgTable(
  'agent_capacity_profiles',
  {
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => capacityProfiles.id),
    customLimit: integer('custom_limit'),
    used: integer('used').notNull().default(0),
    /** End-of-day profiles count the day's items: `used` starts again when this date passes. */
    usedOn: text('used_on'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.profileId] }),
    index('agent_capacity_profiles_profile_idx').on(t.profileId),
  ],
);

export const customPresences = pgTable(
  'custom_presences',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    base: text('base', { enum: ['available', 'busy', 'busy-dnd', 'away', 'offline'] }).notNull(),
  },
  (t) => [uniqueIndex('custom_presences_org_name_key').on(t.orgId, t.name)],
);

export const operatingHours = pgTable('operating_hours', {
  id: id(),
  orgId: orgId(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  weekly: jsonb('weekly').$type<{ day: Weekday; start: string; end: string }[]>().notNull(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
});

/** What a conversation came to, as the agent says at wrap-up (AG4): the admin's list. */
export const dispositionCodes = pgTable(
  'disposition_codes',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    /** Retired codes stay for the conversations that carry them, but are no longer offered. */
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('disposition_codes_org_name_key').on(t.orgId, t.name)],
);

export const orgSettings = pgTable('org_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  /** A base presence or a custom presence id. */
  defaultPresence: text('default_presence').notNull().default('available'),
  idleMinutes: integer('idle_minutes').notNull().default(15),
  missedOfferMakesInactive: boolean('missed_offer_makes_inactive').notNull().default(false),
  rejectMakesDoNotDisturb: boolean('reject_makes_dnd').notNull().default(false),
  /** Most conversations an agent holds at once whatever their capacity; null: no limit. */
  sessionLimit: integer('session_limit'),
  /** What a full agent (no capacity left, or at the session limit) shows: Busy, or Do not disturb. */
  fullPresence: text('full_presence', { enum: ['busy', 'busy-dnd'] })
    .notNull()
    .default('busy'),
  /** Customer sentiment (SV8) is scored and shown; an admin may turn it off. */
  sentimentEnabled: boolean('sentiment_enabled').notNull().default(true),
  /** Supervisors are alerted at this level or below (SV8); 'none': never. */
  sentimentThreshold: text('sentiment_threshold', { enum: ['none', 'slightly-negative', 'negative', 'very-negative'] })
    .notNull()
    .default('none'),
  /** Where the reports' days and months begin (SV9), an IANA zone. */
  reportingTimeZone: text('reporting_time_zone').notNull().default('UTC'),
  /** Which supervisor commands are on (SV7), by name; a missing key is its default (all on). */
  supervisorSwitches: jsonb('supervisor_switches').$type<Record<string, boolean>>().notNull().default({}),
  /** Attachments (AG4): the largest file agents and customers may send, and the types allowed. */
  attachmentMaxBytes: integer('attachment_max_bytes').notNull().default(5_242_880),
  attachmentTypes: jsonb('attachment_types')
    .$type<string[]>()
    .notNull()
    .default(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain']),
});

/** Every routing decision for a conversation, with its reasons (RT5). */
export const routingTraces = pgTable(
  'routing_traces',
  {
    id: id(),
    orgId: orgId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    at: ts('at').notNull(),
    // json, not jsonb: traces are written on every assignment and only ever read whole.
    steps: json('steps').$type<StoredTraceStep[]>().notNull(),
  },
  (t) => [index('routing_traces_conversation_idx').on(t.conversationId, t.at)],
);

/**
 * A channel an organisation receives on (CH5-CH7): a provider, our numbers, the workstream its
 * conversations start in. `settings` holds the adapter's plain fields; `secrets` its credentials,
 * sealed (security/secrets.ts) and never returned by the API.
 */
export const channels = pgTable(
  'channels',
  {
    id: id(),
    orgId: orgId(),
    provider: text('provider', { enum: ['twilio', 'telesign', 'acs', 'custom'] }).notNull(),
    name: text('name').notNull(),
    workstreamId: uuid('workstream_id')
      .notNull()
      .references(() => workstreams.id),
    numbers: jsonb('numbers').$type<string[]>().notNull().default([]),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    secrets: text('secrets').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('channels_org_name_key').on(t.orgId, t.name)],
);

/** Every inbound message a provider delivered, once: a redelivered webhook finds its row and stores nothing. */
export const channelInbound = pgTable(
  'channel_inbound',
  {
    id: id(),
    orgId: orgId(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id),
    providerMessageId: text('provider_message_id').notNull(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [uniqueIndex('channel_inbound_message_key').on(t.channelId, t.providerMessageId)],
);

/**
 * Replies on their way to a provider: written in the transaction that stores the message, so nothing
 * acknowledged is lost; sent after commit, retried with backoff, `dead` after the last attempt. The
 * message id is the idempotency key: one row per message, sent at most once by a claim on the row.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    orgId: orgId(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id),
    /** The conversation a reply belongs to; null for an outbound send's message (CH6), which has its job. */
    conversationId: uuid('conversation_id').references(() => conversations.id),
    jobId: uuid('job_id').references(() => outboundJobs.id),
    /** Who an outbound send's message is for, when a contact is known. */
    recipientName: text('recipient_name'),
    messageId: uuid('message_id').notNull(),
    toAddress: text('to_address').notNull(),
    text: text('text').notNull(),
    status: text('status', {
      enum: ['pending', 'sending', 'queued', 'sent', 'delivered', 'read', 'failed', 'dead'],
    }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('outbox_message_key').on(t.messageId),
    index('outbox_job_idx')
      .on(t.jobId)
      .where(sql`${t.jobId} is not null`),
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    uniqueIndex('outbox_provider_message_key')
      .on(t.channelId, t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
  ],
);

/** Message templates (CH6): a text per language with placeholders such as {customerName}. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    bodies: jsonb('bodies').$type<Partial<Record<'en' | 'nl' | 'fr', string>>>().notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('message_templates_org_name_key').on(t.orgId, t.name)],
);

/**
 * A transfer or consult asked of an agent or a queue (AG5): pending until the agent accepts or
 * rejects, it expires, the asker withdraws it, or (to a queue) routing takes it. One pending
 * transfer per conversation: the partial unique index makes two racing asks one.
 */
export const handoffs = pgTable(
  'handoffs',
  {
    id: id(),
    orgId: orgId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    kind: text('kind', { enum: ['transfer', 'consult'] }).notNull(),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    toUserId: uuid('to_user_id').references(() => users.id),
    toQueueId: uuid('to_queue_id').references(() => queues.id),
    status: text('status', { enum: ['pending', 'accepted', 'rejected', 'timeout', 'withdrawn'] }).notNull(),
    note: text('note').notNull().default(''),
    requestedAt: ts('requested_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    uniqueIndex('handoffs_one_pending_transfer')
      .on(t.conversationId)
      .where(sql`${t.status} = 'pending' and ${t.kind} = 'transfer'`),
    index('handoffs_to_user_idx').on(t.toUserId, t.status),
    // A conversation that ends withdraws what still waits (withdrawPending): found by its id.
    index('handoffs_pending_conversation_idx')
      .on(t.conversationId)
      .where(sql`${t.status} = 'pending'`),
    index('handoffs_pending_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** A quick reply (AG4): organisation-wide (no owner) or one agent's own, a text per language. */
export const quickReplies = pgTable(
  'quick_replies',
  {
    id: id(),
    orgId: orgId(),
    ownerId: uuid('owner_id').references(() => users.id),
    title: text('title').notNull(),
    bodies: jsonb('bodies').$type<Partial<Record<'en' | 'nl' | 'fr', string>>>().notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('quick_replies_org_owner_idx').on(t.orgId, t.ownerId)],
);

/**
 * An admin's automated message (CH6) for one channel and one system event; no row means the
 * built-in text, off. Bodies hold only the languages the admin wrote.
 */
export const automatedMessages = pgTable(
  'automated_messages',
  {
    orgId: orgId(),
    channel: text('channel').notNull(),
    trigger: text('trigger').notNull(),
    enabled: boolean('enabled').notNull(),
    bodies: jsonb('bodies').$type<Partial<Record<'en' | 'nl' | 'fr', string>>>().notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.channel, t.trigger] })],
);

/**
 * One outbound send of a template to many (CH6): each recipient's message is an outbox row with this
 * job's id, so it is sent, retried and reported like a reply; numbers that could not be read are kept here.
 */
export const outboundJobs = pgTable('outbound_jobs', {
  id: id(),
  orgId: orgId(),
  channelId: uuid('channel_id')
    .notNull()
    .references(() => channels.id),
  templateId: uuid('template_id')
    .notNull()
    .references(() => messageTemplates.id),
  language: text('language', { enum: ['en', 'nl', 'fr'] }).notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: ts('created_at').notNull(),
  total: integer('total').notNull(),
  invalid: jsonb('invalid').$type<{ to: string; reason: string }[]>().notNull().default([]),
});

/**
 * The admin's notification template for one scenario (AG2); no row means the built-in one.
 * Titles hold only the languages the admin wrote; fields name what the notification shows.
 */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    orgId: orgId(),
    scenario: text('scenario').notNull(),
    kind: text('kind', { enum: ['toast', 'alert'] }).notNull(),
    titles: jsonb('titles').$type<Partial<Record<'en' | 'nl' | 'fr', string>>>().notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    timeoutSeconds: integer('timeout_seconds').notNull(),
    autoAccept: boolean('auto_accept').notNull().default(false),
    theme: text('theme', { enum: ['light', 'dark'] }).notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.scenario] })],
);

/**
 * One notification to one staff member (AG2): pending until answered, dismissed, opened,
 * expired or withdrawn, so a reconnecting tab lists what still waits and two tabs show it once.
 * subject_id is the offer or handoff an alert answers.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    orgId: orgId(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id),
    scenario: text('scenario').notNull(),
    kind: text('kind', { enum: ['toast', 'alert'] }).notNull(),
    conversationId: uuid('conversation_id').references(() => conversations.id),
    subjectId: uuid('subject_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state', {
      enum: ['pending', 'accepted', 'rejected', 'opened', 'dismissed', 'expired', 'withdrawn'],
    }).notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('notifications_recipient_pending_idx')
      .on(t.recipientId, t.createdAt)
      .where(sql`${t.state} = 'pending'`),
    index('notifications_subject_idx')
      .on(t.subjectId)
      .where(sql`${t.subjectId} is not null`),
    index('notifications_pending_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.state} = 'pending'`),
  ],
);

/**
 * An agent's workspace (AG3): open sessions, their tabs and drafts, stored per agent so they come
 * back after a reload or on another machine; version grows with every write, so tabs know what is newer.
 */
export const agentWorkspaces = pgTable('agent_workspaces', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  orgId: orgId(),
  version: integer('version').notNull(),
  state: jsonb('state').$type<Record<string, unknown>>().notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * A file sent in a conversation (AG4), by an agent or the customer. Stored under storage_key in the
 * data folder or an S3 bucket; its bytes were checked against content_type before it was kept.
 * Uploaded first, attached to a message (attached_at) when that message is sent.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    orgId: orgId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    uploaderKind: text('uploader_kind', { enum: ['staff', 'customer'] }).notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: ts('created_at').notNull(),
    attachedAt: ts('attached_at'),
  },
  (t) => [index('attachments_conversation_idx').on(t.conversationId)],
);

/**
 * A callback the customer asked for when a queue overflowed with "offer a callback": kept until its
 * preferred time, then a work item (a conversation) of its queue, routed like any other.
 */
export const callbacks = pgTable(
  'callbacks',
  {
    id: id(),
    orgId: orgId(),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    workstreamId: uuid('workstream_id')
      .notNull()
      .references(() => workstreams.id),
    /** The conversation that overflowed, and the work item made from this request. */
    sourceConversationId: uuid('source_conversation_id').references(() => conversations.id),
    workConversationId: uuid('work_conversation_id').references(() => conversations.id),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    note: text('note').notNull().default(''),
    preferredAt: ts('preferred_at'),
    dueAt: ts('due_at').notNull(),
    state: text('state', { enum: ['scheduled', 'queued', 'cancelled'] }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('callbacks_due_idx')
      .on(t.dueAt)
      .where(sql`${t.state} = 'scheduled'`),
    uniqueIndex('callbacks_source_key')
      .on(t.sourceConversationId)
      .where(sql`${t.sourceConversationId} is not null`),
    index('callbacks_work_idx')
      .on(t.workConversationId)
      .where(sql`${t.workConversationId} is not null`),
  ],
);

/**
 * API clients (AD1): a key belongs to a user with the `api` role and stands for them. Only a hash
 * of the secret is kept; `prefix` (the key's first characters) finds the row and names it in lists.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_prefix_key').on(t.prefix), index('api_keys_user_idx').on(t.userId)],
);

/**
 * The reporting model (SV9). A conversation that closes leaves a row here in the same transaction
 * (so no close is ever missed); the projector takes the rows, writes the conversation's facts and
 * adds them to the hourly rollups, then deletes the row.
 */
export const insightPending = pgTable(
  'insight_pending',
  {
    orgId: orgId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId] }), index('insight_pending_at_idx').on(t.at)],
);

/** A conversation's facts as last folded (domain/insights/facts.ts): a re-fold takes these away first. */
export const insightFacts = pgTable('insight_facts', {
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id),
  orgId: orgId(),
  facts: jsonb('facts').notNull(),
  foldedAt: ts('folded_at').notNull(),
});

const measureColumns = () =>
  Object.fromEntries(MEASURE_FIELDS.map((f) => [f.column, bigint(f.column, { mode: 'number' }).notNull().default(0)]));

/**
 * Rollups: sums and counts only (one column per measure), so reports add rows up in the database.
 * A cell is a period of one grain (an hour; a day or a month in the organisation's reporting time
 * zone, `period` being its start) for one queue, channel and agent. "No queue" and "no agent" are
 * the nil UUID, so the key is unique without nulls. The key leads with organisation, grain and
 * period: a report's range is one index scan.
 */
export const insightRollups = pgTable(
  'insight_rollups',
  {
    orgId: orgId(),
    grain: text('grain', { enum: ['hour', 'day', 'month'] }).notNull(),
    period: ts('period').notNull(),
    queueId: uuid('queue_id').notNull(),
    channel: text('channel').notNull(),
    agentId: uuid('agent_id').notNull(),
    ...measureColumns(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.grain, t.period, t.queueId, t.channel, t.agentId] })],
);

/**
 * The same cells with every agent together: a report not split or filtered by agent reads a few
 * rows per period here, whatever the number of agents.
 */
export const insightQueueRollups = pgTable(
  'insight_queue_rollups',
  {
    orgId: orgId(),
    grain: text('grain', { enum: ['hour', 'day', 'month'] }).notNull(),
    period: ts('period').notNull(),
    queueId: uuid('queue_id').notNull(),
    channel: text('channel').notNull(),
    ...measureColumns(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.grain, t.period, t.queueId, t.channel] })],
);

/** AG8: a macro, named steps the interpreter runs in order (packages/protocol/src/macros.ts checks them). */
export const macros = pgTable(
  'macros',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    steps: jsonb('steps').$type<Record<string, unknown>[]>().notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('macros_org_name_idx').on(t.orgId, t.name)],
);

/**
 * AG7: an agent script. One per workstream without a rule is its default; one with a rule (a routing
 * condition over the conversation's context) is chosen first when it holds, lowest `order` first.
 */
export const scripts = pgTable(
  'scripts',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    steps: jsonb('steps').$type<Record<string, unknown>[]>().notNull(),
    workstreamId: uuid('workstream_id').references(() => workstreams.id, { onDelete: 'set null' }),
    rule: jsonb('rule').$type<Record<string, unknown>>(),
    order: integer('order').notNull().default(0),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('scripts_org_order_idx').on(t.orgId, t.order)],
);

/** AG7: which steps of a script the agent finished in one conversation (kept across reloads and tabs). */
export const scriptProgress = pgTable(
  'script_progress',
  {
    orgId: orgId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    scriptId: uuid('script_id')
      .notNull()
      .references(() => scripts.id, { onDelete: 'cascade' }),
    doneStepIds: jsonb('done_step_ids').$type<string[]>().notNull().default([]),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.scriptId] })],
);

/** CH1: the customer's post-chat survey (CSAT 1-5 and a comment), once per conversation; read by insights (SV9). */
export const conversationSurveys = pgTable('conversation_surveys', {
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id),
  orgId: orgId(),
  rating: integer('rating').notNull(),
  comment: text('comment'),
  createdAt: ts('created_at').notNull(),
});

/** CH1: a resume link's token (services/resume-links.ts), spent once when another site takes the chat over. */
export const resumeLinks = pgTable('resume_links', {
  id: uuid('id').primaryKey(),
  orgId: orgId(),
  conversationId: uuid('conversation_id')
    .notNull()
    .references(() => conversations.id),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});
