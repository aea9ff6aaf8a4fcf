import {
  AUTOMATED_TRIGGERS,
  Channel,
  type AutomatedMessage,
  type AutomatedMessageInput,
  type MessageTemplate,
  type NewMessageTemplate,
  type RouteName,
} from '@switchboard/protocol';

export type TemplateState = { templates: MessageTemplate[]; automated: AutomatedMessage[] };

/** Every channel's automated messages, off, each with a built-in text that names its event. */
export const automatedMessagesOff = (): AutomatedMessage[] =>
  Channel.options.flatMap((channel) =>
    AUTOMATED_TRIGGERS.map((trigger) => ({
      channel,
      trigger,
      enabled: false,
      bodies: {},
      defaults: { en: `Built-in ${trigger}`, nl: `Ingebouwd ${trigger}`, fr: `Intégré ${trigger}` },
      updatedAt: null,
    })),
  );

type Reply = { status: number; body: unknown };
type Request = { name: RouteName; params: Record<string, string>; body: unknown };

/** When the fake saves a template; fixed, so tests can compare whole templates. */
export const SAVED_AT = '2026-03-01T09:00:00.000Z';

const notFound = (): Reply => ({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not found' } });

/** The message template and automated message routes of the fake admin API (CH6); undefined for any other route. */
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
    case 'listAutomatedMessages':
      return { status: 200, body: state.automated };
    case 'saveAutomatedMessage': {
      const index = state.automated.findIndex((m) => m.channel === params.channel && m.trigger === params.trigger);
      if (index < 0) return notFound();
      const input = body as AutomatedMessageInput;
      state.automated[index] = { ...state.automated[index]!, ...input, updatedAt: SAVED_AT };
      return { status: 200, body: state.automated[index] };
    }
    default:
      return undefined;
  }
}
