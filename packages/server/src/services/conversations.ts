import { randomUUID } from 'node:crypto';
import type { PrechatAnswers } from '@switchboard/protocol';
import { notFound } from '../domain/errors.js';
import { setConversationAccount } from '../store/records/identification.js';
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
import { linkIdentifiedCustomer } from './records/links.js';
import { identifyCustomer, widgetStartPlan } from './widget-prechat.js';
import { sentimentViews } from './sentiment-views.js';
import type { SentimentAnalyzer } from '../sentiment/analyzer.js';
import { markAuthenticated } from '../store/widget-auth.js';
import type { WidgetAuthService } from './widget-auth.js';

export type { ConversationServiceDeps } from './conversation-kit.js';

/**
 * The conversation use cases, one file each (docs/architecture.md): starting a web chat (here; an
 * SMS starts in channel-inbound.ts), messages, endings, reads and timer sweeps, sharing one kit.
 */
export function createConversationService(
  deps: ConversationServiceDeps & { analyzer: SentimentAnalyzer; widgetAuth: WidgetAuthService },
) {
  const kit = conversationKit(deps);
  const { db, clock, command, onRoutable } = kit;
  const reads = conversationReads(kit, sentimentViews(db, deps.analyzer));
  const { visitorViewOf, ...staffAndVisitorReads } = reads;

  /** A visitor starts a chat on a widget: routed at once (CH1, RT1-RT3). */
  async function startChat(
    widgetId: string,
    input: {
      prechat: PrechatAnswers;
      context: Record<string, string | number | boolean>;
      locale: string;
      authToken?: string;
    },
    opts: { offline: boolean } = { offline: false },
  ) {
    const widget = await getWidget(db, widgetId);
    if (!widget) throw notFound('widget');
    const ws = toWorkstream(widget.workstream);
    const orgId = widget.workstream.orgId;
    // CH1: the widget's hours; its questions' answers become context variables.
    const plan = await widgetStartPlan(db, clock, widget.widget, input.prechat, opts);
    input = { ...input, context: { ...input.context, ...plan.context } };
    // CH1, CH5: a widget that requires sign-in starts nothing without a token that stands.
    const identity = await deps.widgetAuth.identify(orgId, widget.widget, input.authToken);
    const context = identity ? { ...input.context, ...identity.context } : input.context;
    const customer = identity ? { name: identity.name, email: identity.email ?? input.prechat.email } : input.prechat;
    const now = clock.now();
    const id = randomUUID();
    const intake = await planIntake(db, {
      orgId,
      conversationId: id,
      workstream: ws,
      customer,
      prechat: input.prechat,
      context,
      channel: { kind: 'webchat', widgetId, locale: input.locale },
      now,
    });
    const started = await command(async (tx, log) => {
      // In the conversation's transaction: a start that fails leaves no contact behind.
      // CH5: the signed-in customer, else the widget's identification fields (without them: by email).
      const found = identity?.contactId ? null : await identifyCustomer(tx, orgId, plan.identification, input.prechat);
      const contactId = identity?.contactId ?? found?.contactId ?? null;
      const started = await startConversation(tx, log, clock, {
        id,
        orgId,
        workstream: ws,
        intake,
        channel: 'webchat',
        channelId: null,
        customerAddress: null,
        contactId,
        customerName: customer.name,
        customerEmail: customer.email,
        firstMessage: input.prechat.question,
        prechat: input.prechat,
        context,
        locale: input.locale,
        now,
      });
      if (identity) await markAuthenticated(tx, orgId, id, identity);
      if (found?.accountId) await setConversationAccount(tx, orgId, id, found.accountId);
      // AG6: the identified customer's account, and their one active case if they have exactly one.
      if (contactId) await linkIdentifiedCustomer(tx, (e) => log.add(e), { orgId, conversationId: id, contactId, now });
      return started;
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
