/**
 * Opens the database once per process: PostgreSQL when DATABASE_URL is set, embedded PGlite in DATA_DIR
 * otherwise. Migrations run on open. PGlite has no lock, so the handle is a process singleton: Next bundles
 * instrumentation and routes separately, and two module copies must not open the same data dir twice.
 */
import 'server-only';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log';
import { processSingleton } from '@/lib/server/process-singleton';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'lib/db/migrations');

export interface OpenDbOptions {
  databaseUrl?: string;
  dataDir?: string;
  /**
   * PGlite only: a dumped data dir to start from instead of a fresh initdb — tests start every database from
   * one migrated template, a fraction of a cold start. Migrations still run, so a stale template is caught up.
   */
  loadDataDir?: Blob;
}

/**
 * PostgreSQL's default of 128 MB is touched at start in the embedded database's WebAssembly memory, so it
 * is resident for the life of the process; 32 MB holds this app's working set (a 50,000-number audit scan
 * reads through an index a block at a time, and big scans use a small ring of buffers whatever this is) and
 * the OS still caches the files. Measured: the process's RSS ~110 MB lower, insert and read rates unchanged.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // PostgreSQL may close an idle connection at any time (a restart, a failover, pg_terminate_backend). The
    // pool drops that client and opens a new one on the next query; without a listener, Node would turn the
    // 'error' event into an uncaught exception and end the process.
    pool.on('error', (error) => {
      logger.warn(
        { err: { message: error.message, code: (error as { code?: string }).code } },
        'PostgreSQL closed an idle connection; the pool will open a new one',
      );
    });
    try {
      await migrateLocked(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    const db = drizzlePg(pool, { schema });
    return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  // DATA_DIR is chosen at run time, outside the app: the ignore comment keeps Turbopack from tracing (and
  // shipping) the whole project for a path it cannot know at build time.
  if (!dataDir.startsWith('memory://')) {
    await mkdir(path.dirname(path.resolve(/* turbopackIgnore: true */ dataDir)), { recursive: true });
  }
  const client = await PGlite.create({
    dataDir,
    loadDataDir: options.loadDataDir,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/** Any fixed number: the key of the advisory lock every instance takes to migrate. */
const MIGRATION_LOCK = 7_310_245;

/**
 * Several instances may start at once on one PostgreSQL: the first to take the lock migrates, the others
 * wait for it and then find nothing left to do.
 */
async function migrateLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** The process-wide handle. A failed open is not cached, so the next request tries again. */
export function getDbHandle(): Promise<DbHandle> {
  return processSingleton('db', () => {
    const config = getConfig();
    return openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  });
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
