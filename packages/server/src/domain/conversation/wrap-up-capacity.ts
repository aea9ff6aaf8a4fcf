import type { WrapUpBlocking } from '@switchboard/protocol';

/** What happens to the agent's capacity when a conversation enters wrap-up. */
export type WrapUpCapacity = { kind: 'hold' } | { kind: 'release-now' } | { kind: 'release-at'; at: Date };

/**
 * Wrap-up holds capacity as the workstream says (RT1): always (until the agent closes it), never
 * (given back at once), or for a number of seconds.
 */
export function wrapUpCapacity(blocking: WrapUpBlocking | undefined, now: Date): WrapUpCapacity {
  if (!blocking || blocking.kind === 'always') return { kind: 'hold' };
  if (blocking.kind === 'never') return { kind: 'release-now' };
  return { kind: 'release-at', at: new Date(now.getTime() + blocking.seconds * 1000) };
}
