import { and, asc, eq } from 'drizzle-orm';
import type { NewMessageTemplate } from '@switchboard/protocol';
import type { Db } from './db.js';
import { messageTemplates, outboundJobs } from './schema.js';

export type TemplateRow = typeof messageTemplates.$inferSelect;

export const listTemplates = (db: Db, orgId: string) =>
  db.select().from(messageTemplates).where(eq(messageTemplates.orgId, orgId)).orderBy(asc(messageTemplates.name));

export async function getTemplate(db: Db, orgId: string, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.orgId, orgId), eq(messageTemplates.id, id)));
  return row;
}

export async function insertTemplate(db: Db, orgId: string, t: NewMessageTemplate, now: Date): Promise<TemplateRow> {
  const [row] = await db
    .insert(messageTemplates)
    .values({ orgId, name: t.name, bodies: t.bodies, updatedAt: now })
    .returning();
  return row!;
}

export async function updateTemplate(
  db: Db,
  orgId: string,
  id: string,
  t: NewMessageTemplate,
  now: Date,
): Promise<TemplateRow | undefined> {
  const [row] = await db
    .update(messageTemplates)
    .set({ name: t.name, bodies: t.bodies, updatedAt: now })
    .where(and(eq(messageTemplates.orgId, orgId), eq(messageTemplates.id, id)))
    .returning();
  return row;
}

/** Whether an outbound send used the template: such a template stays, the send's record names it. */
export async function templateUsed(db: Db, orgId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: outboundJobs.id })
    .from(outboundJobs)
    .where(and(eq(outboundJobs.orgId, orgId), eq(outboundJobs.templateId, id)))
    .limit(1);
  return row !== undefined;
}

export async function deleteTemplate(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(messageTemplates)
    .where(and(eq(messageTemplates.orgId, orgId), eq(messageTemplates.id, id)))
    .returning({ id: messageTemplates.id });
  return rows.length > 0;
}
