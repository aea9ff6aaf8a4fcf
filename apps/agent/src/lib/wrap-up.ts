import type { ConversationSummary, DispositionCode, WrapUp } from '@switchboard/protocol';

/**
 * How the wrap-up form shows (AG4), by the server's rule (domain/conversation/wrap-up-form.ts):
 * the primary agent edits it until the conversation is closed (once accepted); anyone else, or
 * anyone once closed, sees what was saved, if anything.
 */
export function wrapUpMode(
  c: Pick<ConversationSummary, 'state' | 'agentId' | 'acceptedAt'>,
  me: string | null,
  saved: WrapUp,
): 'edit' | 'view' | null {
  const mine = me !== null && c.agentId === me;
  const open = c.state === 'wrap-up' || c.state === 'waiting' || (c.state === 'active' && c.acceptedAt !== null);
  if (mine && open) return 'edit';
  return hasWrapUp(saved) ? 'view' : null;
}

export const hasWrapUp = (w: WrapUp) => w.dispositionCodeId !== null || w.note !== '';

/**
 * The codes to pick from: the active ones (admins are sent the retired ones too), and the code
 * the conversation carries even once retired, so saving the note again does not lose it.
 */
export function codeChoices(codes: readonly DispositionCode[], saved: WrapUp): CodeChoice[] {
  const choices = codes.filter((c) => c.active).map(({ id, name }) => ({ id, name, retired: false }));
  const current = saved.dispositionCodeId;
  if (current !== null && !choices.some((c) => c.id === current))
    choices.push({ id: current, name: saved.dispositionName ?? current, retired: true });
  return choices;
}

export type CodeChoice = { id: string; name: string; retired: boolean };
