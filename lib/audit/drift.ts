/**
 * Drift: when a scan completes, each app's route of each number is compared with that app's previous
 * snapshot of the number (the latest one from an earlier completed scan). A difference in any tier or in the
 * subscription is a change; a change that no Switchboard write *as that app* explains — no change-log row
 * of the app for that number, its WABA or the app tier between the two snapshots — is flagged "changed
 * outside Switchboard". Each app has its own tiers, so app B's change never flags (or explains) app A's row.
 * Rows and change-log entries from before apps were recorded (app_id null) count as the scan's app / any app.
 *
 * Refused writes never reached Graph, so they explain nothing; failed writes may have been applied (a timeout
 * after Graph accepted the change), so they do; so do `unverified` ones (accepted, read-back failed).
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { routeSnapshots } from '@/lib/db/schema';

export async function markChanges(
  db: Db,
  scan: { id: string; appId: string },
  until: Date,
): Promise<{ changed: number; drift: number }> {
  await db.execute(sql`
    UPDATE route_snapshots AS r
    SET changed = true,
        previous = jsonb_build_object(
          'at', p.at, 'phoneTier', p.phone_tier, 'wabaTier', p.waba_tier, 'appTier', p.app_tier,
          'winner', p.winner, 'effectiveUrl', p.effective_url, 'subscribed', p.subscribed),
        drift = NOT EXISTS (
          SELECT 1 FROM change_log AS l
          WHERE l.outcome <> 'refused'
            AND l.at > p.at AND l.at <= ${until.toISOString()}::timestamptz
            AND (l.app_id IS NULL OR l.app_id = ${scan.appId})
            AND ((l.target_type = 'phone_number' AND l.target_id = r.phone_number_id)
              OR (l.target_type = 'waba' AND l.target_id = r.waba_id)
              OR l.target_type = 'application'))
    FROM route_snapshots AS c
    CROSS JOIN LATERAL (
      SELECT prev.at, prev.phone_tier, prev.waba_tier, prev.app_tier, prev.winner, prev.effective_url,
             prev.subscribed
      FROM route_snapshots AS prev
      JOIN audit_scans AS a ON a.id = prev.scan_id
      WHERE prev.phone_number_id = c.phone_number_id
        AND prev.scan_id <> c.scan_id
        AND prev.at < c.at
        AND coalesce(prev.app_id, a.app_id) = ${scan.appId}
        AND a.status = 'completed'
      ORDER BY prev.at DESC
      LIMIT 1
    ) AS p
    WHERE c.scan_id = ${scan.id}::uuid
      AND c.app_id = ${scan.appId}
      AND r.id = c.id
      AND (c.phone_tier, c.waba_tier, c.app_tier, c.subscribed)
          IS DISTINCT FROM (p.phone_tier, p.waba_tier, p.app_tier, p.subscribed)
  `);
  const [counts] = await db
    .select({
      changed: sql<number>`count(*) filter (where ${routeSnapshots.changed})::int`,
      drift: sql<number>`count(*) filter (where ${routeSnapshots.drift})::int`,
    })
    .from(routeSnapshots)
    .where(
      and(
        eq(routeSnapshots.scanId, scan.id),
        eq(routeSnapshots.appId, scan.appId),
        eq(routeSnapshots.changed, true),
      ),
    );
  return { changed: counts?.changed ?? 0, drift: counts?.drift ?? 0 };
}
