import { eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { organizations, widgets, workstreams } from './schema.js';

export async function getWidget(db: Db, widgetId: string) {
  const [row] = await db
    .select({ widget: widgets, workstream: workstreams, orgName: organizations.name })
    .from(widgets)
    .innerJoin(workstreams, eq(workstreams.id, widgets.workstreamId))
    .innerJoin(organizations, eq(organizations.id, widgets.orgId))
    .where(eq(widgets.id, widgetId));
  return row;
}
