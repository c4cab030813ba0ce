/**
 * The `bulk_jobs` and `bulk_job_items` rows: creating a job with its items, moving items through
 * pending → running → applied | failed, and reading a job back with its counts and items. A running job whose
 * heartbeat stopped died with its process: it shows as interrupted (lib/jobs) and can be resumed.
 */
import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { type BulkJobItemRow, type BulkJobRow, bulkJobItems, bulkJobs } from '@/lib/db/schema';
import type { Ownership } from '@/lib/graph/schemas';
import { finishStamp, resumeStamp, shownStatus } from '@/lib/jobs/liveness';
import type { PreflightResult } from '@/lib/routing/types';
import { type AuditFilter, describeSelection } from '../filter';
import type { BulkAction, BulkItemStatus, BulkItemView, BulkJobView } from '../types';

const ITEM_CHUNK = 1_000;

export interface NewBulkItem {
  phoneNumberId: string;
  wabaId: string;
  wabaName: string | null;
  businessId: string;
  ownership: Ownership;
  displayPhoneNumber: string | null;
  expected: string | null;
}

export async function createBulkJob(
  db: Db,
  input: {
    action: BulkAction;
    overrideCallbackUri: string | null;
    verifyTokenMasked: string | null;
    selection: AuditFilter;
    scanId: string;
    createdBy: string;
    createdById: string | null;
    preflight: PreflightResult | null;
    appId: string;
    snapshotCoversApp: boolean;
    items: readonly NewBulkItem[];
  },
): Promise<string> {
  return db.transaction(async (tx) => {
    const { items, ...job } = input;
    const [row] = await tx
      .insert(bulkJobs)
      .values({ ...job, total: items.length })
      .returning({ id: bulkJobs.id });
    if (!row) throw new Error('inserting the bulk job returned no row');
    for (let i = 0; i < items.length; i += ITEM_CHUNK) {
      await tx
        .insert(bulkJobItems)
        .values(items.slice(i, i + ITEM_CHUNK).map((item) => ({ ...item, jobId: row.id })));
    }
    return row.id;
  });
}

export async function getJobRow(db: Db, jobId: string): Promise<BulkJobRow | null> {
  const [row] = await db.select().from(bulkJobs).where(eq(bulkJobs.id, jobId)).limit(1);
  return row ?? null;
}

export async function pendingItems(db: Db, jobId: string, limit: number): Promise<BulkJobItemRow[]> {
  return db
    .select()
    .from(bulkJobItems)
    .where(and(eq(bulkJobItems.jobId, jobId), eq(bulkJobItems.status, 'pending')))
    .orderBy(asc(bulkJobItems.phoneNumberId))
    .limit(limit);
}

export async function updateItem(
  db: Db,
  key: { jobId: string; phoneNumberId: string },
  change: Partial<Pick<BulkJobItemRow, 'status' | 'outcome' | 'message' | 'readBack' | 'expected'>> & {
    attempt?: boolean;
  },
): Promise<void> {
  const { attempt, ...fields } = change;
  await db
    .update(bulkJobItems)
    .set({
      ...fields,
      ...(attempt && { attempts: sql`${bulkJobItems.attempts} + 1` }),
      updatedAt: new Date(),
    })
    .where(and(eq(bulkJobItems.jobId, key.jobId), eq(bulkJobItems.phoneNumberId, key.phoneNumberId)));
}

export async function touchJob(db: Db, jobId: string, extra: { backoffs?: number } = {}): Promise<void> {
  await db
    .update(bulkJobs)
    .set({ heartbeatAt: new Date(), ...extra })
    .where(eq(bulkJobs.id, jobId));
}

export async function finishJob(db: Db, jobId: string, backoffs: number): Promise<void> {
  await db
    .update(bulkJobs)
    .set({ status: 'completed', ...finishStamp(), backoffs })
    .where(eq(bulkJobs.id, jobId));
}

/**
 * Back to pending: failed items, and items a dead process left running or pending; the job runs again.
 * Returns how many items will be written (0: nothing to retry, the job is left as it was).
 */
export async function reopenJob(
  db: Db,
  jobId: string,
  change: { preflight?: PreflightResult | null; verifyTokenMasked?: string | null },
): Promise<number> {
  return db.transaction(async (tx) => {
    const reopened = await tx
      .update(bulkJobItems)
      .set({ status: 'pending', updatedAt: new Date() })
      .where(
        and(eq(bulkJobItems.jobId, jobId), inArray(bulkJobItems.status, ['failed', 'running', 'pending'])),
      )
      .returning({ id: bulkJobItems.phoneNumberId });
    if (reopened.length === 0) return 0;
    await tx
      .update(bulkJobs)
      .set({ ...change, ...resumeStamp() })
      .where(eq(bulkJobs.id, jobId));
    return reopened.length;
  });
}

const EMPTY_COUNTS = (): Record<BulkItemStatus, number> => ({
  pending: 0,
  running: 0,
  applied: 0,
  failed: 0,
});
const ORDER = sql`case ${bulkJobItems.status} when 'failed' then 0 when 'running' then 1 when 'pending' then 2 else 3 end`;

function toItemView(row: BulkJobItemRow): BulkItemView {
  return {
    phoneNumberId: row.phoneNumberId,
    displayPhoneNumber: row.displayPhoneNumber,
    wabaId: row.wabaId,
    wabaName: row.wabaName,
    status: row.status,
    outcome: row.outcome,
    message: row.message,
    before: row.expected,
    readBack: row.readBack,
    attempts: row.attempts,
  };
}

/** The job with its counts and up to `itemLimit` items, failures first. */
export async function getBulkJob(db: Db, jobId: string, itemLimit = 1_000): Promise<BulkJobView | null> {
  const row = await getJobRow(db, jobId);
  if (!row) return null;
  const [grouped, items] = await Promise.all([
    db
      .select({ status: bulkJobItems.status, count: sql<number>`count(*)::int` })
      .from(bulkJobItems)
      .where(eq(bulkJobItems.jobId, jobId))
      .groupBy(bulkJobItems.status),
    db
      .select()
      .from(bulkJobItems)
      .where(eq(bulkJobItems.jobId, jobId))
      .orderBy(ORDER, asc(bulkJobItems.displayPhoneNumber), asc(bulkJobItems.phoneNumberId))
      .limit(itemLimit),
  ]);
  const counts = EMPTY_COUNTS();
  for (const g of grouped) counts[g.status] = g.count;
  return {
    id: row.id,
    action: row.action,
    overrideCallbackUri: row.overrideCallbackUri,
    verifyTokenMasked: row.verifyTokenMasked,
    selection: describeSelection(row.selection),
    status: shownStatus(row),
    total: row.total,
    counts,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    backoffs: row.backoffs,
    preflight: row.preflight,
    appId: row.appId,
    snapshotCoversApp: row.snapshotCoversApp,
    items: items.map(toItemView),
  };
}

/** Recent jobs, newest first, without items: for the audit page's list. */
export async function recentBulkJobs(db: Db, limit = 10): Promise<BulkJobView[]> {
  const rows = await db
    .select({ id: bulkJobs.id })
    .from(bulkJobs)
    .orderBy(sql`${bulkJobs.createdAt} desc`)
    .limit(limit);
  const views = await Promise.all(rows.map((r) => getBulkJob(db, r.id, 0)));
  return views.filter((v): v is BulkJobView => v !== null);
}
