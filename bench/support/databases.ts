import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../packages/server/src/store/db.js';

export type DbKind = 'embedded' | 'postgres';

/**
 * A throw-away database for one benchmark run: a fresh embedded data folder, or a database
 * created on the PostgreSQL server at DATABASE_URL (default 127.0.0.1) and dropped at the end.
 * `env` is what a server process needs to open the same database.
 */
export type Target = {
  kind: DbKind;
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
};

export function parseKinds(arg: string | undefined): DbKind[] {
  const kinds = arg === 'both' || !arg ? ['embedded', 'postgres'] : arg.split(',');
  for (const k of kinds)
    if (k !== 'embedded' && k !== 'postgres') throw new Error(`--db takes embedded, postgres or both, not ${k}`);
  return kinds as DbKind[];
}

// One throw-away key per run: the server seals its secrets with it and writes no key file.
const SECRET_KEY = randomBytes(32).toString('hex');

export async function createTarget(kind: DbKind): Promise<Target> {
  if (kind === 'embedded') {
    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-'));
    return {
      kind,
      env: { DATA_DIR: dir, SECRET_KEY },
      open: () => openDatabase({ dataDir: dir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `switchboard_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    kind,
    env: { DATABASE_URL: databaseUrl, DATA_DIR: 'memory://', SECRET_KEY },
    open: () => openDatabase({ databaseUrl, dataDir: '' }),
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
