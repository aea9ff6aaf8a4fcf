import { createApp } from './app.js';
import { loadConfig, publicUrl } from './config.js';
import { seedDemoChannels } from './demo/seed-channels.js';
import { installDemoSignIn } from './demo/site-sign-in.js';
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WIDGET_ID, seedDemo } from './store/seed-demo.js';

const config = loadConfig();
const app = await createApp(config);
const seeded = config.SEED_DEMO ? await seedDemo(app.database.db) : false;
// The demo's authenticated chat (CH1): its widget and token route, added before the server listens.
const signedIn = config.SEED_DEMO ? await installDemoSignIn(app.http, app.database.db) : false;
await app.listen();
const port = (app.http.server.address() as { port: number }).port;
const base = publicUrl(config, port);
const smsChannels = config.SEED_DEMO ? await seedDemoChannels(app.database.db, app.channels, base) : 0;

const where = app.database.kind === 'embedded' ? `embedded database in ${config.DATA_DIR}` : 'PostgreSQL server';
const lines = [
  '',
  `Switchboard is running (${where}${seeded ? ', demo data created' : ''})`,
  '',
  `  Demo page (customer):  ${base}/demo/`,
  `  Second demo page:      ${base}/demo/page2.html`,
  ...(signedIn ? [`  Signed-in customer:    ${base}/demo/signed-in.html`] : []),
  ...(smsChannels ? [`  Demo phone (SMS):      ${base}/demo/phone.html`] : []),
  `  Agent workspace:       ${base}/agent/`,
  `  Supervisor desk:       ${base}/supervisor/`,
  `  Admin center:          ${base}/admin/`,
  `  API docs (OpenAPI):    ${base}/docs`,
  '',
  `  Demo logins (password "${DEMO_PASSWORD}"):`,
  ...DEMO_USERS.map(
    (u) => `    ${u.role.padEnd(10)} ${u.email.padEnd(24)} ${u.queues.length ? `queues: ${u.queues.join(', ')}` : ''}`,
  ),
  `  Widget id: ${DEMO_WIDGET_ID}`,
  '',
];
if (config.SEED_DEMO) console.log(lines.join('\n'));
else console.log(`Switchboard is running at ${base}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Close the embedded database cleanly so the next start opens it at once.
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
