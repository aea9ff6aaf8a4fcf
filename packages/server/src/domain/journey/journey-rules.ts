import type { JourneyActionInput } from '@switchboard/protocol';
import { DomainError } from '../errors.js';

/** A visitor's clock may run ahead of ours by this much; an action later than that is refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** One chat's journey stays readable (and its table bounded): more than this is refused. */
export const MAX_JOURNEY_PER_CONVERSATION = 1000;

type Checked = {
  kind: JourneyActionInput['kind'];
  name: string;
  detail: Record<string, string | number | boolean | null>;
  at: Date;
};

/**
 * CH1: which tracked actions are kept. Every action is checked before any is stored, so a batch
 * is taken whole or refused whole, with the first bad action's position in the message.
 */
export function checkJourney(actions: JourneyActionInput[], stored: number, now: Date): Checked[] {
  if (stored + actions.length > MAX_JOURNEY_PER_CONVERSATION) {
    throw new DomainError('conflict', `a chat keeps at most ${MAX_JOURNEY_PER_CONVERSATION} journey actions`);
  }
  return actions.map((a, i) => {
    const at = new Date(a.at);
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw new DomainError('invalid', `actions[${i}].at is in the future (${a.at})`);
    }
    return { kind: a.kind, name: a.name, detail: a.detail ?? {}, at };
  });
}
