import {
  NOTIFICATION_SCENARIOS,
  type NotificationTemplate,
  type NotificationTemplateInput,
  type RouteName,
} from '@switchboard/protocol';

export type NotificationTemplateState = { notificationTemplates: NotificationTemplate[] };

type Reply = { status: number; body: unknown };
type Request = { name: RouteName; params: Record<string, string>; body: unknown };

/** Every scenario with its built-in template, as a new organisation has them. */
export function builtInNotificationTemplates(): NotificationTemplate[] {
  return NOTIFICATION_SCENARIOS.map((scenario) => ({
    scenario,
    kind: scenario === 'assigned' ? 'toast' : 'alert',
    titles: {},
    fields: ['customerName', 'firstMessage', 'waitTime', 'queue'],
    timeoutSeconds: scenario === 'assigned' ? 8 : 30,
    autoAccept: false,
    theme: 'light',
    defaults: { en: `Built-in ${scenario}`, nl: `Ingebouwd ${scenario}`, fr: `Intégré ${scenario}` },
    autoAcceptApplies: !['assigned', 'transfer', 'consult'].includes(scenario),
    updatedAt: null,
  }));
}

/** The notification template routes of the fake admin API (AG2). */
export function handleNotificationTemplates(state: NotificationTemplateState, req: Request): Reply | undefined {
  switch (req.name) {
    case 'listNotificationTemplates':
      return { status: 200, body: state.notificationTemplates };
    case 'saveNotificationTemplate': {
      const i = state.notificationTemplates.findIndex((x) => x.scenario === req.params.scenario);
      if (i < 0) return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not found' } };
      const saved = {
        ...state.notificationTemplates[i]!,
        ...(req.body as NotificationTemplateInput),
        updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      };
      state.notificationTemplates[i] = saved;
      return { status: 200, body: saved };
    }
    default:
      return undefined;
  }
}
