import type {
  Channel,
  NotificationPayload,
  NotificationScenario,
  NotificationTemplateInput,
} from '@switchboard/protocol';
import { resolvedTitles } from './templates.js';

export type Announced = {
  scenario: NotificationScenario;
  kind: 'toast' | 'alert';
  payload: NotificationPayload;
  expiresAt: Date;
};

/**
 * What one notification shows, frozen from its template when it is made. An alert runs out with
 * its subject (the offer's or transfer's own deadline), a toast after the template's display time.
 */
export function announce(
  scenario: NotificationScenario,
  template: NotificationTemplateInput,
  about: {
    customerName: string;
    firstMessage: string | null;
    waitingSince: Date;
    queueName: string | null;
    channel: Channel;
    note?: string | null;
    fromName?: string | null;
  },
  now: Date,
  subjectExpiresAt: Date | null,
): Announced {
  const toastEnds = new Date(now.getTime() + template.timeoutSeconds * 1000);
  const expiresAt = template.kind === 'alert' && subjectExpiresAt ? subjectExpiresAt : toastEnds;
  return {
    scenario,
    kind: template.kind,
    expiresAt,
    payload: {
      customerName: about.customerName,
      firstMessage: about.firstMessage,
      waitingSince: about.waitingSince.toISOString(),
      queueName: about.queueName,
      channel: about.channel,
      note: about.note || null,
      fromName: about.fromName ?? null,
      titles: resolvedTitles(scenario, template.titles),
      fields: template.fields,
      theme: template.theme,
    },
  };
}
