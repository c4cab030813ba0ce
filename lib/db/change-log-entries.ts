/**
 * The change log as /activity shows it: one entry per change, except that the rows a bulk job wrote (their
 * `job_id`) make one entry together, placed where the job's latest row falls. The filter applies to rows, so
 * a job's entry holds the rows that match it. Paged by entries, so a 40-number job counts once.
 */
import 'server-only';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { type ChangeLogFilter, whereOf } from './change-log-queries';
import { type Db, getDb } from './client';
import { type BulkAction, bulkJobs, type ChangeLogRow, type ChangeOutcome, changeLog } from './schema';

/** What the job itself recorded; null when its row is gone (the change log outlives everything). */
export interface ActivityJob {
  id: string;
  action: BulkAction;
  total: number;
  createdBy: string;
  createdAt: Date;
}

export type ActivityEntry =
  | { kind: 'change'; row: ChangeLogRow }
  | {
      kind: 'job';
      jobId: string;
      job: ActivityJob | null;
      /** Newest first, like the page. */
      rows: ChangeLogRow[];
      /** Numbers whose latest attempt Graph confirmed (or accepted without a read-back: `unverified`). */
      changed: number;
      /** Numbers whose latest attempt ended otherwise: failed, refused, read back different. */
      failed: number;
    };

export interface ActivityEntriesPage {
  entries: ActivityEntry[];
  /** Entries, not rows. */
  total: number;
  page: number;
  pageSize: number;
}

const CHANGED: readonly ChangeOutcome[] = ['success', 'unverified'];

export async function queryActivityEntries(
  options: { filter: ChangeLogFilter; page?: number; pageSize?: number },
  given?: Db,
): Promise<ActivityEntriesPage> {
  const handle = given ?? (await getDb());
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 500);
  const where = whereOf(options.filter);
  // A job's rows share its id as their key; every other row is its own entry.
  const key = sql<string>`coalesce(${changeLog.jobId}::text, ${changeLog.id}::text)`;
  const [counted] = await handle
    .select({ n: sql<number>`count(distinct ${key})::int` })
    .from(changeLog)
    .where(where);
  const total = counted?.n ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(options.page ?? 1, 1), lastPage);
  const newest = sql`max(${changeLog.id})`;
  const keys = await handle
    .select({
      lastId: sql<number>`${newest}`.mapWith(Number),
      jobId: sql<string | null>`max(${changeLog.jobId}::text)`,
    })
    .from(changeLog)
    .where(where)
    .groupBy(key)
    .orderBy(desc(newest))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  if (keys.length === 0) return { entries: [], total, page, pageSize };

  const singles = keys.filter((k) => k.jobId === null).map((k) => k.lastId);
  const jobIds = keys.flatMap((k) => (k.jobId === null ? [] : [k.jobId]));
  const rows = await handle
    .select()
    .from(changeLog)
    .where(
      or(
        singles.length ? inArray(changeLog.id, singles) : undefined,
        jobIds.length ? and(inArray(changeLog.jobId, jobIds), where) : undefined,
      ),
    )
    .orderBy(desc(changeLog.id));
  const jobs = jobIds.length
    ? await handle
        .select({
          id: bulkJobs.id,
          action: bulkJobs.action,
          total: bulkJobs.total,
          createdBy: bulkJobs.createdBy,
          createdAt: bulkJobs.createdAt,
        })
        .from(bulkJobs)
        .where(inArray(bulkJobs.id, jobIds))
    : [];
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  const rowById = new Map(rows.map((r) => [r.id, r]));

  const entries = keys.flatMap((k): ActivityEntry[] => {
    if (k.jobId === null) {
      const row = rowById.get(k.lastId);
      return row ? [{ kind: 'change', row }] : [];
    }
    const jobRows = rows.filter((r) => r.jobId === k.jobId);
    // Per number, its latest attempt counts: a retry that succeeded turns an earlier failure into a change.
    const latest = new Map<string, ChangeLogRow>();
    for (const row of jobRows) if (!latest.has(row.targetId)) latest.set(row.targetId, row);
    const changed = [...latest.values()].filter((r) => CHANGED.includes(r.outcome)).length;
    return [
      {
        kind: 'job',
        jobId: k.jobId,
        job: jobById.get(k.jobId) ?? null,
        rows: jobRows,
        changed,
        failed: latest.size - changed,
      },
    ];
  });
  return { entries, total, page, pageSize };
}

/** Rows of one job, for tests and the job's own page; newest first. */
export async function changesOfJob(jobId: string, given?: Db): Promise<ChangeLogRow[]> {
  const handle = given ?? (await getDb());
  return handle.select().from(changeLog).where(eq(changeLog.jobId, jobId)).orderBy(desc(changeLog.id));
}
