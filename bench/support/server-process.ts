// A server in a process of its own, so that its resident memory is the server's alone: the same
// composition as `npm run serve` (createApp from the environment), plus one bench-only command
// over IPC, `fanout`, which emits one event to the organisation's room of staff sockets.
import { createApp } from '../../packages/server/src/app.js';
import { loadConfig } from '../../packages/server/src/config.js';
import { rooms } from '../../packages/server/src/realtime/rooms.js';

export type ServerCommand = { type: 'fanout'; orgId: string; n: number } | { type: 'stop' };
export type ServerReport = { type: 'ready'; url: string } | { type: 'emitted'; n: number };

const app = await createApp(loadConfig());
await app.listen();
const send = (m: ServerReport) => process.send!(m);
send({ type: 'ready', url: `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}` });

process.on('message', (m: ServerCommand) => {
  if (m.type === 'fanout') {
    app.realtime.io.to(rooms.org(m.orgId)).emit('bench:fanout', { n: m.n });
    send({ type: 'emitted', n: m.n });
  } else if (m.type === 'stop') {
    void app.close().finally(() => process.exit(0));
  }
});
