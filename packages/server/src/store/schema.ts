import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
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

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().defaultRandom();
const orgId = () => uuid('org_id').notNull().references(() => organizations.id);

export const serverSettings = pgTable('server_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    orgId: orgId(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['agent', 'supervisor', 'admin'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    capacity: integer('capacity').notNull().default(3),
    usedCapacity: integer('used_capacity').notNull().default(0),
    presence: text('presence', { enum: ['available', 'busy', 'busy-dnd', 'away', 'offline'] })
      .notNull()
      .default('offline'),
    lastAssignedAt: ts('last_assigned_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), index('users_org_idx').on(t.orgId)],
);

export const queues = pgTable(
  'queues',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('queues_org_name_key').on(t.orgId, t.name)],
);

export const queueMembers = pgTable(
  'queue_members',
  {
    orgId: orgId(),
    queueId: uuid('queue_id').notNull().references(() => queues.id),
    userId: uuid('user_id').notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.userId] }), index('queue_members_user_idx').on(t.userId)],
);

export const workstreams = pgTable('workstreams', {
  id: id(),
  orgId: orgId(),
  name: text('name').notNull(),
  channel: text('channel', { enum: ['webchat'] }).notNull(),
  capacityUnits: integer('capacity_units').notNull().default(1),
  allowedPresences: jsonb('allowed_presences').$type<string[]>().notNull(),
  offerTimeoutSeconds: integer('offer_timeout_seconds'),
  maxDeclines: integer('max_declines').notNull().default(3),
  fallbackQueueId: uuid('fallback_queue_id')
    .notNull()
    .references(() => queues.id),
  routeRules: jsonb('route_rules').$type<unknown[]>().notNull().default([]),
});

export const widgets = pgTable('widgets', {
  id: text('id').primaryKey(),
  orgId: orgId(),
  workstreamId: uuid('workstream_id')
    .notNull()
    .references(() => workstreams.id),
  title: text('title').notNull(),
});

export const accounts = pgTable('accounts', {
  id: id(),
  orgId: orgId(),
  name: text('name').notNull(),
  mainPhone: text('main_phone'),
  city: text('city'),
});

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    email: text('email'),
    mobilePhone: text('mobile_phone'),
    jobTitle: text('job_title'),
    city: text('city'),
    accountId: uuid('account_id').references(() => accounts.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('contacts_org_email_idx').on(t.orgId, sql`lower(${t.email})`)],
);

export const cases = pgTable('cases', {
  id: id(),
  orgId: orgId(),
  title: text('title').notNull(),
  status: text('status', { enum: ['active', 'resolved', 'cancelled'] }).notNull().default('active'),
  priority: text('priority', { enum: ['low', 'normal', 'high'] }).notNull().default('normal'),
  contactId: uuid('contact_id').references(() => contacts.id),
  accountId: uuid('account_id').references(() => accounts.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    orgId: orgId(),
    workstreamId: uuid('workstream_id')
      .notNull()
      .references(() => workstreams.id),
    queueId: uuid('queue_id').references(() => queues.id),
    channel: text('channel', { enum: ['webchat'] }).notNull(),
    state: text('state', { enum: ['open', 'active', 'waiting', 'wrap-up', 'closed'] }).notNull(),
    contactId: uuid('contact_id').references(() => contacts.id),
    agentId: uuid('agent_id').references(() => users.id),
    customerName: text('customer_name').notNull(),
    customerEmail: text('customer_email'),
    firstMessage: text('first_message'),
    prechat: jsonb('prechat'),
    context: jsonb('context').notNull().default({}),
    locale: text('locale').notNull().default('en'),
    /** Units this conversation costs; chargedUnits is what the agent holds right now. */
    capacityUnits: integer('capacity_units').notNull(),
    chargedUnits: integer('charged_units').notNull().default(0),
    lastSeq: integer('last_seq').notNull().default(0),
    lastPublicSeq: integer('last_public_seq').notNull().default(0),
    waitingSince: ts('waiting_since').notNull(),
    createdAt: ts('created_at').notNull(),
    acceptedAt: ts('accepted_at'),
    endedAt: ts('ended_at'),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('conversations_routing_idx').on(t.orgId, t.state, t.waitingSince),
    index('conversations_agent_idx').on(t.agentId, t.state),
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
    uniqueIndex('conversation_events_public_seq_key').on(t.conversationId, t.publicSeq),
    uniqueIndex('conversation_events_client_key').on(t.conversationId, t.clientId),
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
    index('offers_pending_idx').on(t.status, t.expiresAt),
    index('offers_conversation_idx').on(t.conversationId),
    index('offers_agent_idx').on(t.agentId, t.status),
  ],
);

/** Who took part, from when to when (SPEC CV2); the customer and every agent who accepted. */
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
    joinedAt: ts('joined_at').notNull(),
    leftAt: ts('left_at'),
  },
  (t) => [index('participants_conversation_idx').on(t.conversationId), index('participants_user_idx').on(t.userId)],
);
