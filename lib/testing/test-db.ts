/**
 * The database a test gets: a fresh in-memory PGlite, or — when TEST_DATABASE_URL names a PostgreSQL
 * server (see vitest.global-setup.ts) — a fresh database on that server, dropped on close. Either way the
 * schema comes from the same migrations the app runs.
 */
import { readFile } from 'node:fs/promises';
import { type DbHandle, openDb } from '@/lib/db/client';
import { createDatabase, dropDatabase } from './postgres';

/** Set by lib/testing/vitest-global-setup.ts: a migrated PGlite data dir, dumped once for the whole run. */
export const PGLITE_TEMPLATE_ENV = 'TEST_PGLITE_TEMPLATE';

let template: Promise<Blob | undefined> | undefined;

/** The run's PGlite template, read once per worker; undefined outside Vitest's global setup (a cold start). */
function pgliteTemplate(): Promise<Blob | undefined> {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  template ??= file ? readFile(file).then((bytes) => new Blob([bytes])) : Promise.resolve(undefined);
  return template;
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

export async function openTestDb(): Promise<DbHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openDb({ dataDir: 'memory://', loadDataDir: await pgliteTemplate() });
  const databaseUrl = await createDatabase(adminUrl, 'switchboard_test');
  const handle = await openDb({ databaseUrl });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropDatabase(adminUrl, databaseUrl);
    },
  };
}

/**
 * Points getConfig()/getDb() (the process-wide handle) at a fresh test database: in-memory PGlite, or a
 * new PostgreSQL database when TEST_DATABASE_URL is set. Vitest runs each test file in its own process.
 */
export async function useTestDatabaseEnv(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    process.env.DATABASE_URL = await createDatabase(adminUrl, 'switchboard_test');
  } else {
    process.env.DATA_DIR = 'memory://';
    delete process.env.DATABASE_URL;
  }
}
