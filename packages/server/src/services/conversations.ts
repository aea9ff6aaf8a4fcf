import { randomUUID } from 'node:crypto';
import type { PrechatAnswers } from '@switchboard/protocol';
import { notFound } from '../domain/errors.js';
import { findOrCreateContact } from '../store/contacts.js';
import { toWorkstream } from '../store/routing-config.js';
import { getWidget } from '../store/widgets.js';
import { conversationEndings } from './conversation-endings.js';
import { conversationKit, type ConversationServiceDeps } from './conversation-kit.js';
import { conversationMessages } from './conversation-messages.js';
import { conversationReads } from './conversation-reads.js';
import { conversationReopen } from './conversation-reopen.js';
import { conversationSupervision } from './conversation-supervision.js';
import { startConversation } from './conversation-steps.js';
import { conversationTimers } from './conversation-timers.js';
import { planIntake } from './intake.js';
import { sentimentViews } from './sentiment-views.js';
import type { SentimentAnalyzer } from '../sentiment/analyzer.js';

export type { ConversationServiceDeps } from './conversation-kit.js';

/**
 * The conversation use cases, one file each (docs/architecture.md): starting a web chat (here; an
 * SMS starts in channel-inbound.ts), messages, endings, reads and timer sweeps, sharing one kit.
 */
export function createConversationService(deps: ConversationServiceDeps & { analyzer: SentimentAnalyzer }) {
  const kit = conversationKit(deps);
  const { db, clock, command, onRoutable } = kit;
  const reads = conversationReads(kit, sentimentViews(db, deps.analyzer));
  const { visitorViewOf, ...staffAndVisitorReads } = reads;

  /** A visitor starts a chat on a widget: routed at once (CH1, RT1-RT3). */
  async function startChat(
    widgetId: string,
    input: { prechat: PrechatAnswers; context: Record<string, string | number | boolean>; locale: string },
  ) {
    const widget = await getWidget(db, widgetId);
    if (!widget) throw notFound('widget');
    const ws = toWorkstream(widget.workstream);
    const orgId = widget.workstream.orgId;
    const now = clock.now();
    const id = randomUUID();
    const intake = await planIntake(db, {
      orgId,
      conversationId: id,
      workstream: ws,
      customer: input.prechat,
      prechat: input.prechat,
      context: input.context,
      channel: { kind: 'webchat', widgetId, locale: input.locale },
      now,
    });
    const started = await command(async (tx, log) => {
      // In the conversation's transaction: a start that fails leaves no contact behind.
      const contactId = await findOrCreateContact(tx, orgId, input.prechat.name, input.prechat.email);
      return startConversation(tx, log, clock, {
        id,
        orgId,
        workstream: ws,
        intake,
        channel: 'webchat',
        channelId: null,
        customerAddress: null,
        contactId,
        customerName: input.prechat.name,
        customerEmail: input.prechat.email,
        firstMessage: input.prechat.question,
        prechat: input.prechat,
        context: input.context,
        locale: input.locale,
        now,
      });
    });
    if (started.routable) onRoutable(orgId);
    return { orgId, view: await visitorViewOf(orgId, id) };
  }

  return {
    startChat,
    ...staffAndVisitorReads,
    ...conversationMessages(kit),
    ...conversationEndings(kit),
    ...conversationReopen(kit),
    ...conversationSupervision(kit),
    ...conversationTimers(kit),
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
