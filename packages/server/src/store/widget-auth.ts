import { and, eq, or } from 'drizzle-orm';
import type { Db } from './db.js';
import { contacts, conversations, widgets, type SiteAuthSettings } from './schema.js';

// Authenticated chat (CH1, CH5): a widget's sign-in settings, the contact a token's `sub` names,
// and the mark on the conversation it started.

/** Undefined when the organisation has no such widget; null when sign-in is off. */
export async function readSiteAuth(db: Db, orgId: string, widgetId: string) {
  const [row] = await db
    .select({ siteAuth: widgets.siteAuth })
    .from(widgets)
    .where(and(eq(widgets.id, widgetId), eq(widgets.orgId, orgId)));
  return row ? row.siteAuth : undefined;
}

/** False when the organisation has no such widget. */
export async function writeSiteAuth(db: Db, orgId: string, widgetId: string, settings: SiteAuthSettings | null) {
  const rows = await db
    .update(widgets)
    .set({ siteAuth: settings })
    .where(and(eq(widgets.id, widgetId), eq(widgets.orgId, orgId)))
    .returning({ id: widgets.id });
  return rows.length > 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The contact of THIS organisation whose id or external id is `sub`. An external id is unique per
 * organisation (contacts_org_external_key); a uuid is tried as both, the id first.
 */
export async function contactBySub(db: Db, orgId: string, sub: string) {
  const match = UUID.test(sub)
    ? or(eq(contacts.id, sub.toLowerCase()), eq(contacts.externalId, sub))
    : eq(contacts.externalId, sub);
  const rows = await db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email, accountId: contacts.accountId })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), match))
    .limit(2);
  return rows.find((r) => r.id === sub.toLowerCase()) ?? rows[0] ?? null;
}

/** In the start's transaction: the customer is who the site says, and their account comes along. */
export async function markAuthenticated(
  tx: Db,
  orgId: string,
  conversationId: string,
  who: { contactId: string; accountId: string | null },
) {
  await tx
    .update(conversations)
    .set({ authenticated: true, contactId: who.contactId, ...(who.accountId ? { accountId: who.accountId } : {}) })
    .where(and(eq(conversations.id, conversationId), eq(conversations.orgId, orgId)));
}
