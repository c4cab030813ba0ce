/**
 * The `audit_scans` rows: creating one (at most one running scan at a time, across instances), recording
 * progress and the end, and reading them back as views. A running scan whose heartbeat stopped belongs to a
 * process that died; it is reported (and stored, when the next scan starts) as interrupted (lib/jobs).
 */
import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { type AuditScanRow, auditScans } from '@/lib/db/schema';
import type { ScanProgress } from '@/lib/fleet/types';
import { claimSingleJob, type Tx } from '@/lib/jobs/claim';
import { finishStamp, shownStatus } from '@/lib/jobs/liveness';
import type { GraphFailureView } from '@/lib/routing/types';
import type { AuditScanAppStats, AuditScanView } from './types';

export function toScanView(row: AuditScanRow, now = Date.now()): AuditScanView {
  return {
    id: row.id,
    status: shownStatus(row, now),
    appId: row.appId,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    wabasTotal: row.wabasTotal,
    wabasScanned: row.wabasScanned,
    numbersTotal: row.numbersTotal,
    numbersTotalExact: row.numbersTotalExact,
    numbersScanned: row.numbersScanned,
    graphCalls: row.graphCalls,
    batchOperations: row.batchOperations,
    backoffs: row.backoffs,
    throttledMs: row.throttledMs,
    changedCount: row.changedCount,
    driftCount: row.driftCount,
    errors: row.errors,
    apps: row.apps,
  };
}

/**
 * Creates a running scan unless one is already running (then returns that one, `created: false`). An advisory
 * lock serialises the check and the insert across instances sharing one PostgreSQL database.
 */
export async function claimScan(
  db: Db,
  input: { appId: string; startedBy: string },
  options: { due?: ScanDue } = {},
): Promise<{ row: AuditScanRow; created: boolean }> {
  return claimSingleJob(db, 'switchboard.audit_scan', {
    interruptStale: (tx, before, now) =>
      tx
        .update(auditScans)
        .set({ status: 'interrupted', finishedAt: now })
        .where(and(eq(auditScans.status, 'running'), lt(auditScans.heartbeatAt, before))),
    findRunning: async (tx) => {
      const [running] = await tx.select().from(auditScans).where(eq(auditScans.status, 'running')).limit(1);
      if (running || !options.due) return running;
      // A scheduled scan that is not due (decided under the lock, so instances agree) joins the latest scan.
      const [last] = await tx.select().from(auditScans).orderBy(desc(auditScans.startedAt)).limit(1);
      return last && !(await options.due(tx)) ? last : undefined;
    },
    create: async (tx) => {
      const [row] = await tx.insert(auditScans).values(input).returning();
      if (!row) throw new Error('inserting the audit scan returned no row');
      return row;
    },
  });
}

/** Whether a scheduled scan should run now; read inside the claim's transaction (lib/audit/refresh.ts). */
export type ScanDue = (tx: Tx) => Promise<boolean>;

export interface ScanCounters extends ScanProgress {
  graphCalls: number;
  backoffs: number;
  throttledMs: number;
}

export async function recordProgress(
  db: Db,
  scanId: string,
  counters: ScanCounters,
  apps?: AuditScanAppStats[],
): Promise<void> {
  await db
    .update(auditScans)
    .set({ ...counters, ...(apps ? { apps } : {}), heartbeatAt: new Date() })
    .where(eq(auditScans.id, scanId));
}

export async function finishScan(
  db: Db,
  scanId: string,
  end: {
    status: 'completed' | 'failed';
    counters: ScanCounters;
    errors: GraphFailureView[];
    changedCount?: number;
    driftCount?: number;
    apps?: AuditScanAppStats[];
  },
): Promise<void> {
  await db
    .update(auditScans)
    .set({
      ...end.counters,
      ...(end.apps ? { apps: end.apps } : {}),
      status: end.status,
      errors: end.errors,
      changedCount: end.changedCount ?? null,
      driftCount: end.driftCount ?? null,
      ...finishStamp(),
    })
    .where(eq(auditScans.id, scanId));
}

export async function getScan(db: Db, scanId: string): Promise<AuditScanView | null> {
  const [row] = await db.select().from(auditScans).where(eq(auditScans.id, scanId)).limit(1);
  return row ? toScanView(row) : null;
}

/** The most recent scan of any status (what the progress bar follows). */
export async function latestScan(db: Db): Promise<AuditScanView | null> {
  const [row] = await db.select().from(auditScans).orderBy(desc(auditScans.startedAt)).limit(1);
  return row ? toScanView(row) : null;
}

/** The most recent completed scan: the snapshot the audit table shows. */
export async function latestCompletedScan(db: Db): Promise<AuditScanView | null> {
  const [row] = await db
    .select()
    .from(auditScans)
    .where(eq(auditScans.status, 'completed'))
    .orderBy(desc(auditScans.startedAt))
    .limit(1);
  return row ? toScanView(row) : null;
}
