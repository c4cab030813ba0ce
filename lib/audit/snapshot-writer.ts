/**
 * Writes snapshot rows in multi-row INSERTs of `chunkSize` rows: one statement per chunk instead of one per
 * number keeps a 50,000-number scan to a few dozen round trips.
 */
import 'server-only';
import type { Db } from '@/lib/db/client';
import { routeSnapshots } from '@/lib/db/schema';
import type { NewRouteSnapshot } from './rows';

/** PostgreSQL allows 65,535 bind parameters per statement; 16 columns × 1,000 rows stays well under. */
export const SNAPSHOT_CHUNK = 1_000;

export async function insertSnapshots(db: Db, rows: readonly NewRouteSnapshot[], chunkSize = SNAPSHOT_CHUNK) {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await db.insert(routeSnapshots).values(rows.slice(i, i + chunkSize));
  }
}
