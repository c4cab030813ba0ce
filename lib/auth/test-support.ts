/**
 * For Vitest only: points getConfig()/getDb() at a fresh test database (in-memory PGlite, or PostgreSQL — lib/testing/test-db.ts), so the code under test runs
 * through the same process-wide database path as the app. Vitest runs each test file in its own process.
 */
import { getDb } from '@/lib/db/client';
import { useTestDatabaseEnv } from '@/lib/testing/test-db';

export async function useTestDatabase(): Promise<void> {
  process.env.GRAPH_ACCESS_TOKEN ??= 'test-token';
  process.env.META_APP_ID ??= '1000';
  process.env.META_BUSINESS_IDS ??= '2000';
  await useTestDatabaseEnv();
  await getDb();
}
