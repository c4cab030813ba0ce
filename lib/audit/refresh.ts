/**
 * The background refresh of the audit snapshot the overview reads: every instance ticks, and a scan starts only
 * when the latest snapshot is due — decided inside the audit scan's claim (an advisory lock across instances),
 * so however many instances tick at once, one scan runs. Due means: no snapshot yet, a snapshot older than
 * `maxAgeMs`, or a routing change made through Switchboard since the snapshot (after `afterChangeMs`, so a
 * burst of writes costs one scan). A scan that failed or was started moments ago is not retried at once.
 */
import 'server-only';
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { auditScans, changeLog } from '@/lib/db/schema';
import type { Tx } from '@/lib/jobs/claim';
import { ROUTING_ACTIONS } from '@/lib/routing/types';
import type { AuditEnv } from './env';
import { type StartedScan, startAuditScan } from './scan-job';

export interface RefreshPolicy {
  maxAgeMs: number;
  /** After a routing write, how long the snapshot may lag before it is refreshed. */
  afterChangeMs: number;
  /** At least this long between the starts of two scheduled scans (a failing scan is not hammered). */
  minGapMs: number;
}

export const SCHEDULED_BY = 'Switchboard (scheduled refresh)';

export function refreshPolicy(minutes: number): RefreshPolicy {
  return { maxAgeMs: minutes * 60_000, afterChangeMs: 60_000, minGapMs: 60_000 };
}

export async function snapshotDue(tx: Tx, policy: RefreshPolicy, now: number): Promise<boolean> {
  const [last] = await tx
    .select({ startedAt: auditScans.startedAt })
    .from(auditScans)
    .orderBy(desc(auditScans.startedAt))
    .limit(1);
  if (last && now - last.startedAt.getTime() < policy.minGapMs) return false;
  const [done] = await tx
    .select({ startedAt: auditScans.startedAt })
    .from(auditScans)
    .where(eq(auditScans.status, 'completed'))
    .orderBy(desc(auditScans.startedAt))
    .limit(1);
  if (!done) return true;
  const age = now - done.startedAt.getTime();
  if (age >= policy.maxAgeMs) return true;
  if (age < policy.afterChangeMs) return false;
  const [change] = await tx
    .select({ id: changeLog.id })
    .from(changeLog)
    .where(
      and(
        gt(changeLog.at, done.startedAt),
        inArray(changeLog.action, [...ROUTING_ACTIONS]),
        inArray(changeLog.outcome, ['success', 'mismatch', 'unverified']),
      ),
    )
    .limit(1);
  return change !== undefined;
}

/** Starts the scheduled scan when due; null when it was not (or another instance's scan is the one running). */
export async function refreshSnapshotIfDue(
  env: AuditEnv,
  policy: RefreshPolicy,
  now: () => number = Date.now,
): Promise<StartedScan | null> {
  const started = await startAuditScan(env, SCHEDULED_BY, { due: (tx) => snapshotDue(tx, policy, now()) });
  return started.created ? started : null;
}
