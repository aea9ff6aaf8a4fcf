import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database or a transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: 'embedded' | 'postgres';
  /** Connections of the PostgreSQL pool (metrics); the embedded database has none to report. */
  poolStats?: () => { total: number; idle: number; waiting: number };
  close(): Promise<void>;
};

const migrationsFolder = path.join(import.meta.dirname, 'migrations');
// Any constant works; it only has to be the same on every node that migrates.
const MIGRATION_LOCK_ID = 727_274_001;

/**
 * Opens the embedded database in `dataDir` (`memory://` for none on disk), or the PostgreSQL
 * server at `databaseUrl`, and applies the checked-in migrations.
 */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  // Loaded only here: the WASM build's code alone is ~40 MB resident, which a PostgreSQL node need not hold.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const options = { startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS.flatMap((s) => ['-c', s])] };
  let client: PGlite;
  if (opts.dataDir === 'memory://') client = new PGlite(options);
  else {
    const dir = path.resolve(opts.dataDir);
    if (!existsSync(path.join(dir, 'PG_VERSION'))) await createDataDir(dir);
    client = new PGlite(dir, options);
  }
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: 'embedded', close: () => client.close() };
}

/**
 * PGlite is PostgreSQL in WASM with a server's defaults. Its 128 MB of shared buffers are resident
 * from the start (measured: 16 MB of buffers take ~110 MB less), and WASM memory, once grown by a
 * big `analyze` or index build, never shrinks. A miss in the smaller buffers is a read from the
 * operating system's page cache, not a disk seek.
 */
const EMBEDDED_SETTINGS = ['shared_buffers=16MB', 'maintenance_work_mem=16MB', 'temp_buffers=2MB'];

/**
 * Creates a new embedded database in a child process. PGlite's initdb loads two more WASM
 * instances besides the database, and the process that ran them keeps ~500 MB more resident.
 */
async function createDataDir(dir: string): Promise<void> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `const { PGlite } = require(${JSON.stringify(entry)});
    const db = new PGlite(process.env.PGLITE_DIR);
    db.waitReady.then(() => db.close()).catch((err) => { console.error(err); process.exit(1); });`;
  await promisify(execFile)(process.execPath, ['-e', script], { env: { ...process.env, PGLITE_DIR: dir } });
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, failover) must not crash the process; the pool reconnects.
  pool.on('error', () => undefined);
  // Several nodes may start at once: one migrates, the others wait for the lock.
  const lockClient = await pool.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migratePg(drizzlePg(lockClient, { schema }), { migrationsFolder });
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    lockClient.release();
  }
  const db = drizzlePg(pool, { schema });
  const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  return { db: db as unknown as Db, kind: 'postgres', poolStats, close: () => pool.end() };
}

/** Rows of a raw `execute`: both drivers answer `{ rows }`, which drizzle's shared type hides. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Refreshes the planner's statistics. A PostgreSQL server's autovacuum does this by itself; the
 * embedded database runs no autovacuum, and without statistics the planner guesses every table
 * is tiny and reads a large backlog end to end where it should look rows up by key. The vacuum
 * reclaims dead row versions too: rollup cells (SV9) get a new one at every fold that touches them.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`vacuum analyze`);
}

/** Whether the database answers (readiness). */
export async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
