import type { RouteName, WidgetAuthView } from '@switchboard/protocol';

type Reply = { status: number; body: unknown };
type Request = { name: RouteName; params: Record<string, string>; body: unknown };

/** Each fake API's sign-in settings per widget, beside its state (CH1): off until set. */
const byApi = new WeakMap<object, Map<string, WidgetAuthView>>();

/** The widget sign-in routes of the fake admin API; `calls` shows what the page sent. */
export function handleWidgetAuth(state: { widgets: { id: string }[] }, req: Request): Reply | undefined {
  if (req.name !== 'getWidgetAuth' && req.name !== 'updateWidgetAuth') return undefined;
  if (!state.widgets.some((w) => w.id === req.params.widgetId))
    return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'chat widget not found' } };
  let settings = byApi.get(state);
  if (!settings) byApi.set(state, (settings = new Map()));
  if (req.name === 'updateWidgetAuth') settings.set(req.params.widgetId!, req.body as WidgetAuthView);
  return { status: 200, body: settings.get(req.params.widgetId!) ?? { mode: 'off' } };
}
