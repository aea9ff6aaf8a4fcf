import type { NewQuickReply, QuickReply, RouteName } from '@switchboard/protocol';
import { SAVED_AT } from './fake-templates';

export type QuickReplyState = { quickReplies: QuickReply[] };

type Reply = { status: number; body: unknown };
type Request = { name: RouteName; params: Record<string, string>; body: unknown };

const notFound = (): Reply => ({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not found' } });

/**
 * The quick reply routes of the fake admin API (AG4), as the server answers them: the list holds the
 * admin's own beside the organisation's; the admin routes reach only the organisation's.
 */
export function handleQuickReplies(state: QuickReplyState, req: Request, newId: () => string): Reply | undefined {
  const { name, params, body } = req;
  const index = state.quickReplies.findIndex((q) => q.id === params.id && q.scope === 'organisation');
  switch (name) {
    case 'listQuickReplies':
      return { status: 200, body: state.quickReplies };
    case 'createOrgQuickReply': {
      const reply: QuickReply = { ...(body as NewQuickReply), id: newId(), scope: 'organisation', updatedAt: SAVED_AT };
      state.quickReplies.push(reply);
      return { status: 200, body: reply };
    }
    case 'updateOrgQuickReply': {
      if (index < 0) return notFound();
      const reply: QuickReply = {
        ...(body as NewQuickReply),
        id: params.id!,
        scope: 'organisation',
        updatedAt: SAVED_AT,
      };
      state.quickReplies[index] = reply;
      return { status: 200, body: reply };
    }
    case 'deleteOrgQuickReply':
      if (index < 0) return notFound();
      state.quickReplies.splice(index, 1);
      return { status: 200, body: { ok: true } };
    default:
      return undefined;
  }
}
