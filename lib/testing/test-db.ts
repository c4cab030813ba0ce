/**
 * The database a test gets: a fresh in-memory PGlite, or — when TEST_DATABASE_URL names a PostgreSQL
 * server (see vitest.global-setup.ts) — a fresh database on that server, dropped on close. Either way the
 * schema comes from the same migrations the app runs.
 */
import { type DbHandle, openDb } from '@/lib/db/client';
import { createDatabase, dropDatabase } from './postgres';

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

export async function openTestDb(): Promise<DbHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openDb({ dataDir: 'memory://' });
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
