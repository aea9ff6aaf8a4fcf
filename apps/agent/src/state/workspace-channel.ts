import type { WorkspaceChannel, WorkspaceMessage } from './workspace-sync';

/**
 * The agent's tabs of one browser, told of each other's changes at once (AG3). Without
 * BroadcastChannel (an old browser) a tab still hears them, a moment later, over the socket.
 */
export function browserChannel(name: string): WorkspaceChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, listen: () => () => undefined };
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(on) {
      const handler = (e: MessageEvent<WorkspaceMessage>) => on(e.data);
      channel.addEventListener('message', handler);
      return () => {
        channel.removeEventListener('message', handler);
        channel.close();
      };
    },
  };
}
