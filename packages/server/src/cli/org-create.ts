// `npm run org:create -- --name "Acme" --admin-email ada@acme.example --admin-password '...'`
// Creates an organisation with its first admin on the database the server uses (DATABASE_URL, or
// the embedded one in DATA_DIR), the same way: migrations first. The logic is services/organisations.ts.
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { createOrganisation } from '../services/organisations.js';
import { openDatabase } from '../store/db.js';

const USAGE =
  'Usage: npm run org:create -- --name <organisation> --admin-email <email> --admin-password <8+ characters> [--admin-name <name>]';

function fail(message: string): never {
  console.error(`org:create: ${message}\n${USAGE}`);
  process.exit(2);
}

let args: { name?: string; 'admin-email'?: string; 'admin-password'?: string; 'admin-name'?: string };
try {
  args = parseArgs({
    options: {
      name: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-password': { type: 'string' },
      'admin-name': { type: 'string' },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const missing = (['name', 'admin-email', 'admin-password'] as const).filter((k) => !args[k]);
if (missing.length) fail(`missing ${missing.map((k) => `--${k}`).join(', ')}`);

const config = loadConfig();
// The embedded database creates its own folder, but not the folders above it.
if (!config.DATABASE_URL && config.DATA_DIR !== 'memory://') await mkdir(config.DATA_DIR, { recursive: true });
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  const org = await createOrganisation(database.db, {
    name: args.name!,
    adminEmail: args['admin-email']!,
    adminPassword: args['admin-password']!,
    ...(args['admin-name'] ? { adminName: args['admin-name'] } : {}),
  });
  process.stdout.write(
    `${[
      `Created organisation "${args.name}" (${org.slug}, id ${org.orgId})`,
      `  Admin:     ${org.adminEmail} (sign in at /admin/)`,
      `  Widget id: ${org.widgetId} (queue "General", workstream "Website chat")`,
    ].join('\n')}\n`,
  );
} catch (err) {
  await database.close();
  if (err instanceof DomainError) fail(err.message);
  throw err;
}
await database.close();
