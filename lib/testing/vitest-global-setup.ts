/**
 * `TEST_DATABASE=postgres vitest run` starts a throwaway PostgreSQL server for the run (unless
 * TEST_DATABASE_URL already names one) so every database test runs against real PostgreSQL instead of
 * PGlite. Forked test workers inherit TEST_DATABASE_URL.
 */
import { type RunningPostgres, startPostgres } from './postgres';

export default async function setup(): Promise<() => Promise<void>> {
  let server: RunningPostgres | undefined;
  if (process.env.TEST_DATABASE === 'postgres' && !process.env.TEST_DATABASE_URL) {
    server = await startPostgres();
    process.env.TEST_DATABASE_URL = server.url;
  }
  return async () => {
    await server?.stop();
  };
}
