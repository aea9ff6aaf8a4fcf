import { eq, sql } from 'drizzle-orm';
import type { WorkstreamSettings } from './schema.js';
import { turnOnRecommended } from './automated-messages.js';
import type { Db } from './db.js';
import { organizations, orgSettings, queues, users, widgets, workstreams } from './schema.js';

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  return row !== undefined;
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row !== undefined;
}

export type NewOrganisationRows = {
  name: string;
  slug: string;
  admin: { email: string; name: string; passwordHash: string };
  queueName: string;
  workstream: { name: string; settings: WorkstreamSettings };
  widget: { id: string; title: string };
};

/** Everything an organisation needs to take chats at once; call inside one transaction. */
export async function insertOrganisation(db: Db, o: NewOrganisationRows) {
  const [org] = await db
    .insert(organizations)
    .values({ name: o.name, slug: o.slug })
    .returning({ id: organizations.id });
  const orgId = org!.id;
  await turnOnRecommended(db, orgId, new Date());
  // The column defaults are the organisation's default settings (presence, idle time ...).
  await db.insert(orgSettings).values({ orgId });
  const [queue] = await db.insert(queues).values({ orgId, name: o.queueName }).returning({ id: queues.id });
  const [ws] = await db
    .insert(workstreams)
    .values({ orgId, name: o.workstream.name, fallbackQueueId: queue!.id, config: o.workstream.settings })
    .returning({ id: workstreams.id });
  await db.insert(widgets).values({ id: o.widget.id, orgId, workstreamId: ws!.id, title: o.widget.title });
  const [admin] = await db
    .insert(users)
    .values({ orgId, email: o.admin.email, name: o.admin.name, role: 'admin', passwordHash: o.admin.passwordHash })
    .returning({ id: users.id });
  return { orgId, adminId: admin!.id, queueId: queue!.id, workstreamId: ws!.id, widgetId: o.widget.id };
}

/** Whether the organisation is disabled (or gone): its channels take nothing in. */
export async function isOrganisationDisabled(db: Db, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ disabledAt: organizations.disabledAt })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return !row || row.disabledAt !== null;
}

/** The organisation's name, as `{orgName}` says it in templates and automated messages; '' if it is gone. */
export async function organisationName(db: Db, orgId: string): Promise<string> {
  const [row] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
  return row?.name ?? '';
}
