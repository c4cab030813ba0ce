/**
 * Names for numbers and WABAs as the latest completed audit recorded them, for pages (the activity log) that
 * show ids from the database and should name them the way a person knows them. No Graph call: a number or
 * WABA the audit has not seen keeps its id.
 */
import 'server-only';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { routeSnapshots as s } from '@/lib/db/schema';
import { latestCompletedScan } from './scans';

/** `+44 7700 900123 (Acme Retail EU)` for a number, `Acme Retail EU (1234…)` for a WABA, keyed by id. */
export async function targetNames(
  db: Db,
  ids: { phoneNumberIds: string[]; wabaIds: string[] },
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.phoneNumberIds.length === 0 && ids.wabaIds.length === 0) return names;
  const scan = await latestCompletedScan(db);
  if (!scan) return names;
  const rows = await db
    .selectDistinct({
      phoneNumberId: s.phoneNumberId,
      displayPhoneNumber: s.displayPhoneNumber,
      wabaId: s.wabaId,
      wabaName: s.wabaName,
    })
    .from(s)
    .where(
      and(
        eq(s.scanId, scan.id),
        or(
          ids.phoneNumberIds.length ? inArray(s.phoneNumberId, ids.phoneNumberIds) : undefined,
          ids.wabaIds.length ? inArray(s.wabaId, ids.wabaIds) : undefined,
        ),
      ),
    );
  const wanted = new Set(ids.phoneNumberIds);
  for (const row of rows) {
    if (wanted.has(row.phoneNumberId)) {
      const number = row.displayPhoneNumber ?? row.phoneNumberId;
      names.set(row.phoneNumberId, row.wabaName ? `${number} (${row.wabaName})` : number);
    }
    if (row.wabaName) names.set(row.wabaId, `${row.wabaName} (${row.wabaId})`);
  }
  return names;
}
