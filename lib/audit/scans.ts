/**
 * The `audit_scans` rows: creating one (at most one running scan at a time, across instances), recording
 * progress and the end, and reading them back as views. A running scan whose heartbeat stopped belongs to a
 * process that died; it is reported (and stored, when the next scan starts) as interrupted.
 */
import 'server-only';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { type AuditScanRow, auditScans } from '@/lib/db/schema';
import type { ScanProgress } from '@/lib/fleet/types';
import type { GraphFailureView } from '@/lib/routing/types';
import type { AuditScanView } from './types';

/** The runner writes its heartbeat about every second; this much silence means it is gone. */
export const SCAN_STALE_AFTER_MS = 30_000;

export function toScanView(row: AuditScanRow, now = Date.now()): AuditScanView {
  const stale = row.status === 'running' && now - row.heartbeatAt.getTime() > SCAN_STALE_AFTER_MS;
  return {
    id: row.id,
    status: stale ? 'interrupted' : row.status,
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
    errors: row.errors as GraphFailureView[],
  };
}

/**
 * Creates a running scan unless one is already running (then returns that one, `created: false`). An advisory
 * lock serialises the check and the insert across instances sharing one PostgreSQL database.
 */
export async function claimScan(
  db: Db,
  input: { appId: string; startedBy: string },
): Promise<{ row: AuditScanRow; created: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('switchboard.audit_scan'))`);
    const staleBefore = new Date(Date.now() - SCAN_STALE_AFTER_MS);
    await tx
      .update(auditScans)
      .set({ status: 'interrupted', finishedAt: new Date() })
      .where(and(eq(auditScans.status, 'running'), lt(auditScans.heartbeatAt, staleBefore)));
    const [running] = await tx.select().from(auditScans).where(eq(auditScans.status, 'running')).limit(1);
    if (running) return { row: running, created: false };
    const [row] = await tx.insert(auditScans).values(input).returning();
    if (!row) throw new Error('inserting the audit scan returned no row');
    return { row, created: true };
  });
}

export interface ScanCounters extends ScanProgress {
  graphCalls: number;
  backoffs: number;
  throttledMs: number;
}

export async function recordProgress(db: Db, scanId: string, counters: ScanCounters): Promise<void> {
  await db
    .update(auditScans)
    .set({ ...counters, heartbeatAt: new Date() })
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
  },
): Promise<void> {
  const now = new Date();
  await db
    .update(auditScans)
    .set({
      ...end.counters,
      status: end.status,
      errors: end.errors,
      changedCount: end.changedCount ?? null,
      driftCount: end.driftCount ?? null,
      heartbeatAt: now,
      finishedAt: now,
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
