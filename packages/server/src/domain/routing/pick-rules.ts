import type { Presence, Role, Workstream } from '@switchboard/protocol';

/** Why a staff member may not take work from a pick workstream now, or null if they may (RT1, RT4, AG10). */
export type PickRefusal = { kind: 'forbidden' | 'conflict'; message: string } | null;

const PRESENCE_WORDS: Record<Presence, string> = {
  available: 'Available',
  busy: 'Busy',
  'busy-dnd': 'Do not disturb',
  away: 'Away',
  offline: 'Offline',
};

/**
 * The rules push routing applies, for picking: only agents take work from queues (a supervisor
 * placed in a queue still monitors, as push routing never offers them anything), and only in a
 * presence the workstream allows. A presence is the agent's to change, so that refusal is a
 * conflict (409); the role is not, so that one is forbidden (403).
 */
export function pickRefusal(
  who: { role: Role; presence: Presence },
  ws: Pick<Workstream, 'name' | 'allowedPresences'>,
): PickRefusal {
  if (who.role !== 'agent') {
    const what = { supervisor: 'a supervisor', admin: 'an admin', api: 'an API client' }[who.role];
    return { kind: 'forbidden', message: `only agents take work from queues; ${what} does not` };
  }
  if (!ws.allowedPresences.includes(who.presence)) {
    const presence = PRESENCE_WORDS[who.presence];
    const message = `your presence ${presence} does not allow taking work from workstream ${ws.name}`;
    return { kind: 'conflict', message };
  }
  return null;
}
