import type { MessageTemplate, NewMessageTemplate, RouteName } from '@switchboard/protocol';

export type TemplateState = { templates: MessageTemplate[] };

type Reply = { status: number; body: unknown };
type Request = { name: RouteName; params: Record<string, string>; body: unknown };

/** When the fake saves a template; fixed, so tests can compare whole templates. */
export const SAVED_AT = '2026-03-01T09:00:00.000Z';

const notFound = (): Reply => ({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not found' } });

/** The message template routes of the fake admin API (CH6); undefined for any other route. */
export function handleTemplates(state: TemplateState, req: Request, newId: () => string): Reply | undefined {
  const { name, params, body } = req;
  switch (name) {
    case 'listTemplates':
      return { status: 200, body: state.templates };
    case 'createTemplate': {
      const template = { ...(body as NewMessageTemplate), id: newId(), updatedAt: SAVED_AT };
      state.templates.push(template);
      return { status: 200, body: template };
    }
    case 'updateTemplate': {
      const index = state.templates.findIndex((t) => t.id === params.id);
      if (index < 0) return notFound();
      state.templates[index] = { ...(body as NewMessageTemplate), id: params.id!, updatedAt: SAVED_AT };
      return { status: 200, body: state.templates[index] };
    }
    case 'deleteTemplate': {
      const index = state.templates.findIndex((t) => t.id === params.id);
      if (index < 0) return notFound();
      state.templates.splice(index, 1);
      return { status: 200, body: { ok: true } };
    }
    default:
      return undefined;
  }
}
