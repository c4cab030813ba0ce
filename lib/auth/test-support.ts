/**
 * For Vitest only: points getConfig()/getDb() at a fresh in-memory PGlite, so the code under test runs
 * through the same process-wide database path as the app. Vitest runs each test file in its own process.
 */
import { getDb } from '@/lib/db/client';

export async function useMemoryDatabase(): Promise<void> {
  process.env.GRAPH_ACCESS_TOKEN ??= 'test-token';
  process.env.META_APP_ID ??= '1000';
  process.env.META_BUSINESS_IDS ??= '2000';
  process.env.DATA_DIR = 'memory://';
  delete process.env.DATABASE_URL;
  await getDb();
}
