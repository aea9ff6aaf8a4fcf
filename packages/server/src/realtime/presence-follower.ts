import type { Presence } from '@switchboard/protocol';

export type PresenceFollowerDeps<Who extends { userId: string }> = {
  /** How many sockets of this user are connected now, on every node. */
  countSockets(userId: string): Promise<number>;
  /** Writes connected or disconnected; answers the presence it leaves (undefined: not an agent). */
  setConnected(who: Who, connected: boolean): Promise<Presence | void>;
  /** Sends the presence to every socket of the user. */
  push(userId: string, presence: Presence): void;
  onError(err: unknown): void;
};

/**
 * Presence follows the sockets an agent has, not the order their events arrive in (AG1). A reload
 * closes the old socket and opens a new one; the old one's disconnect may be handled after the new
 * one's connect. So each connect or disconnect only asks "settle this user": settles of one user run
 * one after another on this node, each reads the live socket count at its turn, and the last one
 * therefore sees the final count. A disconnect handled on another node while the new socket was
 * still joining is caught by counting again after writing offline. Every settle ends by pushing
 * the presence, so a workspace that just connected learns it at once, changed or not.
 */
export function createPresenceFollower<Who extends { userId: string }>(deps: PresenceFollowerDeps<Who>) {
  const queues = new Map<string, Promise<void>>();

  async function settleNow(who: Who): Promise<void> {
    const connected = (await deps.countSockets(who.userId)) > 0;
    let presence = await deps.setConnected(who, connected);
    if (!connected && (await deps.countSockets(who.userId)) > 0) presence = await deps.setConnected(who, true);
    if (presence) deps.push(who.userId, presence);
  }

  return {
    /** Resolves once this user's presence matches their sockets as counted after the call. */
    settle(who: Who): Promise<void> {
      const previous = queues.get(who.userId) ?? Promise.resolve();
      const next = previous.then(() => settleNow(who)).catch(deps.onError);
      queues.set(who.userId, next);
      void next.then(() => {
        if (queues.get(who.userId) === next) queues.delete(who.userId);
      });
      return next;
    },
  };
}
