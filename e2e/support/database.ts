/**
 * Which database this browser run uses: `E2E_DATABASE=postgres` runs the suite against a throwaway
 * PostgreSQL server (started by global-setup.ts); anything else against embedded PGlite.
 */
import { createDatabase } from '../../lib/testing/postgres';

export type E2eDatabase = 'pglite' | 'postgres';

export function e2eDatabase(): E2eDatabase {
  return process.env.E2E_DATABASE === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * Environment for an extra app process a spec starts itself (crash test, two instances): a new database
 * on this run's PostgreSQL server, or the given PGlite data dir.
 */
export async function extraAppDatabaseEnv(pgliteDataDir: string): Promise<Record<string, string>> {
  const server = process.env.E2E_POSTGRES_URL;
  if (e2eDatabase() === 'postgres' && server) {
    return { DATABASE_URL: await createDatabase(server, 'switchboard_e2e') };
  }
  return { DATA_DIR: pgliteDataDir };
}
