import path from 'node:path';
import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
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
  const client = opts.dataDir === 'memory://' ? new PGlite() : new PGlite(path.resolve(opts.dataDir));
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: 'embedded', close: () => client.close() };
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
 * is tiny and reads a large backlog end to end where it should look rows up by key.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
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
