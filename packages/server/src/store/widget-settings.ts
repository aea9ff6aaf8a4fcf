import { and, eq } from 'drizzle-orm';
import type { OperatingHours, PostChatSurveyResult, WidgetSettings } from '@switchboard/protocol';
import type { Db } from './db.js';
import { conversationSurveys, conversations, operatingHours, widgets } from './schema.js';

/** A widget's settings columns (CH1) as stored; null when the organisation has no such widget. */
export async function readWidgetSettingsRow(db: Db, orgId: string, widgetId: string) {
  const [row] = await db
    .select({
      appearance: widgets.appearance,
      prechatSurvey: widgets.prechatSurvey,
      postChatSurvey: widgets.postChatSurvey,
      operatingHoursId: widgets.operatingHoursId,
    })
    .from(widgets)
    .where(and(eq(widgets.id, widgetId), eq(widgets.orgId, orgId)));
  return row ?? null;
}

/** False when the organisation has no such widget. */
export async function writeWidgetSettings(db: Db, orgId: string, widgetId: string, s: WidgetSettings) {
  const rows = await db
    .update(widgets)
    .set({
      appearance: s.appearance,
      prechatSurvey: s.prechat,
      postChatSurvey: s.postChat,
      operatingHoursId: s.operatingHoursId,
    })
    .where(and(eq(widgets.id, widgetId), eq(widgets.orgId, orgId)))
    .returning({ id: widgets.id });
  return rows.length > 0;
}

/** The organisation's operating-hours record, or null. */
export async function operatingHoursOf(db: Db, orgId: string, id: string): Promise<OperatingHours | null> {
  const [row] = await db
    .select()
    .from(operatingHours)
    .where(and(eq(operatingHours.id, id), eq(operatingHours.orgId, orgId)));
  return row
    ? { id: row.id, name: row.name, timeZone: row.timeZone, weekly: row.weekly, holidays: row.holidays }
    : null;
}

/** The conversation's state and start, for the visitor's survey and transcript. */
export async function conversationBasics(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ state: conversations.state, createdAt: conversations.createdAt, context: conversations.context })
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.orgId, orgId)));
  return row ?? null;
}

/** Stores the survey once: false when the conversation already has one (a second is refused). */
export async function insertSurvey(
  db: Db,
  row: { orgId: string; conversationId: string; rating: number; comment: string | null; at: Date },
): Promise<boolean> {
  const rows = await db
    .insert(conversationSurveys)
    .values({ ...row, createdAt: row.at })
    .onConflictDoNothing()
    .returning({ id: conversationSurveys.conversationId });
  return rows.length > 0;
}

export async function surveyOf(db: Db, orgId: string, conversationId: string): Promise<PostChatSurveyResult | null> {
  const [row] = await db
    .select({ rating: conversationSurveys.rating, comment: conversationSurveys.comment })
    .from(conversationSurveys)
    .where(and(eq(conversationSurveys.conversationId, conversationId), eq(conversationSurveys.orgId, orgId)));
  return row ?? null;
}
