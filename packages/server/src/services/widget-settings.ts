import {
  PostChatSurvey,
  PrechatSurvey,
  WidgetAppearance,
  type PostChatSurveyRequest,
  type PostChatSurveyResult,
  type WidgetAvailability,
  type WidgetSettings,
} from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { conflict, DomainError, notFound } from '../domain/errors.js';
import { isOpen, nextOpening } from '../domain/routing/operating-hours.js';
import { transcriptFileName, transcriptText } from '../domain/widgets/transcript.js';
import type { Db } from '../store/db.js';
import { listEvents, toWireEvent } from '../store/events.js';
import { markClosed } from '../store/insight-facts.js';
import { transaction } from '../store/transaction.js';
import {
  conversationBasics,
  insertSurvey,
  operatingHoursOf,
  readWidgetSettingsRow,
  surveyOf,
  writeWidgetSettings,
} from '../store/widget-settings.js';
import type { VisitorIdentity } from './identity.js';

type StoredSettings = NonNullable<Awaited<ReturnType<typeof readWidgetSettingsRow>>>;

/** Stored settings with every default filled: a widget made before them reads as the plain widget. */
export function settingsOf(row: StoredSettings): WidgetSettings {
  return {
    appearance: WidgetAppearance.parse(row.appearance ?? {}),
    prechat: PrechatSurvey.parse(row.prechatSurvey ?? {}),
    postChat: PostChatSurvey.parse(row.postChatSurvey ?? {}),
    operatingHoursId: row.operatingHoursId ?? null,
  };
}

/** Whether the widget's hours are open now, and when they open next (CH1: known before the pre-chat form). */
export async function availabilityOf(
  db: Db,
  orgId: string,
  operatingHoursId: string | null,
  now: Date,
): Promise<WidgetAvailability> {
  const hours = operatingHoursId ? await operatingHoursOf(db, orgId, operatingHoursId) : null;
  if (!hours || isOpen(hours, now)) return { open: true, nextOpening: null };
  return { open: false, nextOpening: nextOpening(hours, now)?.toISOString() ?? null };
}

/** What the widget's public config adds: looks, questions (not the identification rules), hours now. */
export async function publicWidgetSettings(db: Db, w: StoredSettings & { orgId: string }, now: Date) {
  const s = settingsOf(w);
  return {
    // Never set: no appearance, so the widget keeps its own look (and follows the visitor's dark mode).
    ...(w.appearance ? { appearance: s.appearance } : {}),
    prechatQuestions: s.prechat.questions,
    postChatSurvey: s.postChat.enabled,
    availability: await availabilityOf(db, w.orgId, s.operatingHoursId, now),
  };
}

/**
 * A widget's settings (CH1) for the admin center, its public part for the widget, and the
 * visitor's post-chat survey and transcript. `onSurveyAfterClose` re-folds a closed conversation
 * into the reports (SV9) so a late rating still counts.
 */
export function createWidgetSettingsService({
  db,
  clock,
  onSurveyAfterClose,
}: {
  db: Db;
  clock: Clock;
  onSurveyAfterClose: () => void;
}) {
  async function read(orgId: string, widgetId: string): Promise<WidgetSettings> {
    const row = await readWidgetSettingsRow(db, orgId, widgetId);
    if (!row) throw notFound(`chat widget ${widgetId}`);
    return settingsOf(row);
  }

  return {
    read,
    async update(orgId: string, widgetId: string, body: WidgetSettings): Promise<WidgetSettings> {
      if (body.operatingHoursId && !(await operatingHoursOf(db, orgId, body.operatingHoursId)))
        throw new DomainError('invalid', `operating hours ${body.operatingHoursId} do not exist`);
      if (!(await writeWidgetSettings(db, orgId, widgetId, body))) throw notFound(`chat widget ${widgetId}`);
      return read(orgId, widgetId);
    },

    /** Once per conversation, after the chat ended (wrap-up or closed): a second answer is a 409. */
    async submitSurvey(who: VisitorIdentity, body: PostChatSurveyRequest): Promise<PostChatSurveyResult> {
      const comment = body.comment?.trim() ? body.comment.trim() : null;
      const closed = await transaction(db, async (tx) => {
        const c = await conversationBasics(tx, who.orgId, who.conversationId);
        if (!c) throw notFound('conversation');
        if (c.state !== 'wrap-up' && c.state !== 'closed') throw conflict('the survey opens when the chat has ended');
        const row = { orgId: who.orgId, conversationId: who.conversationId, rating: body.rating, comment };
        if (!(await insertSurvey(tx, { ...row, at: clock.now() }))) throw conflict('this chat has already been rated');
        // Closed already: its facts were folded without the rating; mark it to be folded again.
        if (c.state === 'closed') await markClosed(tx, who.orgId, who.conversationId, clock.now());
        return c.state === 'closed';
      });
      if (closed) onSurveyAfterClose();
      return { rating: body.rating, comment };
    },

    survey: (who: VisitorIdentity) => surveyOf(db, who.orgId, who.conversationId),

    /** The customer's transcript: their own event stream (no internal notes), as text. */
    async transcript(who: VisitorIdentity, title: string) {
      const c = await conversationBasics(db, who.orgId, who.conversationId);
      if (!c) throw notFound('conversation');
      const events = (await listEvents(db, who.orgId, who.conversationId, 'customer')).map((e) =>
        toWireEvent(e, 'customer'),
      );
      return {
        fileName: transcriptFileName(c.createdAt),
        text: transcriptText({ title, startedAt: c.createdAt }, events),
      };
    },
  };
}

export type WidgetSettingsService = ReturnType<typeof createWidgetSettingsService>;
