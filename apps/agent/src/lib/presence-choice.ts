import type { CustomPresence, Presence } from '@switchboard/protocol';

/** The five base presences routing knows (AG1), in the order the select offers them. */
export const BASE_PRESENCES: readonly Presence[] = ['available', 'busy', 'busy-dnd', 'away', 'offline'];

/** A custom presence the agent chose: the server only reports its base, so the app remembers which. */
export type PresenceChoice = { id: string; base: Presence };

export const isBasePresence = (value: string): value is Presence =>
  (BASE_PRESENCES as readonly string[]).includes(value);

/**
 * What the agent picked in the select: a base presence, or a custom one with its base.
 * An id the app does not know (options not loaded, presence deleted) resolves to null.
 */
export function resolveChoice(
  value: string,
  options: readonly CustomPresence[],
): { presence: Presence; custom: PresenceChoice | null } | null {
  if (isBasePresence(value)) return { presence: value, custom: null };
  const custom = options.find((o) => o.id === value);
  return custom ? { presence: custom.base, custom: { id: custom.id, base: custom.base } } : null;
}

/**
 * Whether a chosen custom presence still holds once the server reports `base` (null: signed out).
 * Another base ends it (accepting makes the agent busy, idling makes them away), except offline:
 * that is what a disconnect or reload reports, and the server gives the manual presence back on a
 * quick return — its next report decides.
 */
export function keepChoice(chosen: PresenceChoice | null, base: Presence | null): PresenceChoice | null {
  return chosen && (chosen.base === base || base === 'offline') ? chosen : null;
}

/**
 * The select's value: the chosen custom presence while it still applies (same base, still offered),
 * else the base presence the server reports, which is what routing uses.
 */
export function presenceSelectValue(
  base: Presence,
  chosen: PresenceChoice | null,
  options: readonly CustomPresence[],
): string {
  return chosen && chosen.base === base && options.some((o) => o.id === chosen.id && o.base === base)
    ? chosen.id
    : base;
}
