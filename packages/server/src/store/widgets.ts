import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ChatWidget } from '@switchboard/protocol';
import type { Db } from './db.js';
import { requireOwned } from './ownership.js';
import { organizations, widgets, workstreams } from './schema.js';

/** The public lookup of an embed tag: the widget id is what the visitor's page holds, so no organisation yet. */
export async function getWidget(db: Db, widgetId: string) {
  const [row] = await db
    .select({ widget: widgets, workstream: workstreams, orgName: organizations.name })
    .from(widgets)
    .innerJoin(workstreams, and(eq(workstreams.id, widgets.workstreamId), eq(workstreams.orgId, widgets.orgId)))
    .innerJoin(organizations, eq(organizations.id, widgets.orgId))
    // A disabled organisation's widgets are gone for visitors: no new chat starts there.
    .where(and(eq(widgets.id, widgetId), isNull(organizations.disabledAt)));
  return row;
}

/**
 * The sites that may embed a widget (empty: any), or null for an unknown widget. Widget ids are global: the
 * embed tag names no organisation.
 */
export async function widgetSites(db: Db, widgetId: string): Promise<string[] | null> {
  const [row] = await db.select({ sites: widgets.allowedSites }).from(widgets).where(eq(widgets.id, widgetId));
  return row ? row.sites : null;
}

const widgetColumns = {
  id: widgets.id,
  title: widgets.title,
  workstreamId: widgets.workstreamId,
  allowedSites: widgets.allowedSites,
};

export async function listWidgets(db: Db, orgId: string): Promise<ChatWidget[]> {
  return db
    .select(widgetColumns)
    .from(widgets)
    .where(eq(widgets.orgId, orgId))
    .orderBy(asc(widgets.title), asc(widgets.id));
}

export async function insertWidget(db: Db, orgId: string, w: ChatWidget): Promise<void> {
  await requireOwned(db, orgId, 'workstreams', [w.workstreamId]);
  await db.insert(widgets).values({ ...w, orgId });
}

/** Null when the organisation has no widget with this id. */
export async function updateWidget(db: Db, orgId: string, w: ChatWidget): Promise<ChatWidget | null> {
  await requireOwned(db, orgId, 'workstreams', [w.workstreamId]);
  const [row] = await db
    .update(widgets)
    .set({ title: w.title, workstreamId: w.workstreamId, allowedSites: w.allowedSites })
    .where(and(eq(widgets.id, w.id), eq(widgets.orgId, orgId)))
    .returning(widgetColumns);
  return row ?? null;
}

/** False when the organisation has no widget with this id. */
export async function deleteWidget(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(widgets)
    .where(and(eq(widgets.id, id), eq(widgets.orgId, orgId)))
    .returning({ id: widgets.id });
  return rows.length > 0;
}

/** Whether the organisation has this workstream (a widget may only route to its own). */
export async function hasWorkstream(db: Db, orgId: string, workstreamId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: workstreams.id })
    .from(workstreams)
    .where(and(eq(workstreams.id, workstreamId), eq(workstreams.orgId, orgId)));
  return Boolean(row);
}
