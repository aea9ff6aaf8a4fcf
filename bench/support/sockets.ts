import { io, type Socket } from 'socket.io-client';

/** A Socket.IO client as the apps open it (websocket only), resolved once the server says `ready`. */
export function connect(url: string, token: string, timeoutMs = 30_000): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    timeout: timeoutMs,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (socket.close(), reject(new Error('socket not ready in time'))), timeoutMs);
    socket.once('ready', () => (clearTimeout(timer), resolve(socket)));
    socket.once('connect_error', (err) => (clearTimeout(timer), socket.close(), reject(err)));
  });
}

/** Runs `task` over `items` with at most `width` at a time. */
export async function inBatches<T, R>(
  items: T[],
  width: number,
  task: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}
