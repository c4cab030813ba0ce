/**
 * Reading snapshots: one filtered, sorted page of a scan for the virtualised table, the group-by-URL counts,
 * a batched walk for CSV export and bulk selections, and the latest scans. Filtering, sorting and paging happen
 * in the database so a 50,000-number fleet never travels to the browser at once.
 */
import 'server-only';
import { and, asc, desc, eq, gt, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { auditScans, type RouteSnapshotRow, routeSnapshots } from '@/lib/db/schema';
import { CHECK_IDS, type CheckId } from '@/lib/doctor/types';
import type { Tier } from '@/lib/routing/types';
import type { AuditFilter, SortKey } from './filter';
import { type MatchCounts, matchCountKey } from './match-counts';
import type { AuditRow, AuditRowsPage, RouteState, UrlGroup, UrlGroups } from './types';

const s = routeSnapshots;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One app's rows of a scan. Rows from before apps were recorded (app_id null) are the scan's own app's: the
 * EXISTS names a constant scan, so it is evaluated once, not per row.
 */
export function appRows(scanId: string, appId: string): SQL {
  return or(
    eq(s.appId, appId),
    and(
      isNull(s.appId),
      sql`EXISTS (SELECT 1 FROM audit_scans WHERE id = ${scanId}::uuid AND app_id = ${appId})`,
    ),
  ) as SQL;
}

export function snapshotWhere(scanId: string, filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(s.scanId, scanId)];
  if (filter.winner === 'none') conditions.push(isNull(s.winner));
  else if (filter.winner) conditions.push(eq(s.winner, filter.winner));
  if (filter.q) conditions.push(ilike(s.effectiveUrl, `%${likeEscape(filter.q)}%`));
  if (filter.url) conditions.push(eq(s.effectiveUrl, filter.url));
  if (filter.waba) {
    conditions.push(or(eq(s.wabaId, filter.waba), ilike(s.wabaName, `%${likeEscape(filter.waba)}%`)));
  }
  if (filter.app) conditions.push(appRows(scanId, filter.app));
  if (filter.drift) conditions.push(eq(s.drift, true));
  if (filter.verdict) conditions.push(eq(s.verdict, filter.verdict));
  if (filter.problem) conditions.push(eq(s.firstProblem, filter.problem));
  return and(...conditions);
}

const SORT_COLUMNS: Record<SortKey, SQL[]> = {
  number: [sql`${s.displayPhoneNumber}`],
  waba: [sql`${s.wabaName}`, sql`${s.wabaId}`, sql`${s.displayPhoneNumber}`],
  winner: [sql`${s.winner}`, sql`${s.displayPhoneNumber}`],
  url: [sql`${s.effectiveUrl}`, sql`${s.displayPhoneNumber}`],
};

function orderOf(filter: AuditFilter): SQL[] {
  const direction = filter.dir === 'desc' ? desc : asc;
  return [...SORT_COLUMNS[filter.sort ?? 'waba'].map((c) => direction(c)), asc(s.id)];
}

function routeOf(
  row: Pick<
    RouteSnapshotRow,
    'at' | 'phoneTier' | 'wabaTier' | 'appTier' | 'winner' | 'effectiveUrl' | 'subscribed'
  >,
): RouteState {
  return {
    at: row.at.toISOString(),
    phoneTier: row.phoneTier,
    wabaTier: row.wabaTier,
    appTier: row.appTier,
    winner: row.winner,
    effectiveUrl: row.effectiveUrl,
    subscribed: row.subscribed,
  };
}

function isCheckId(value: string | null): value is CheckId {
  return (CHECK_IDS as readonly (string | null)[]).includes(value);
}

export function toAuditRow(row: RouteSnapshotRow): AuditRow {
  return {
    ...routeOf(row),
    appId: row.appId,
    appLabel: row.appLabel,
    phoneNumberId: row.phoneNumberId,
    displayPhoneNumber: row.displayPhoneNumber,
    verifiedName: row.verifiedName,
    wabaId: row.wabaId,
    wabaName: row.wabaName,
    businessId: row.businessId,
    ownership: row.ownership,
    changed: row.changed,
    drift: row.drift,
    previous: row.previous,
    verdict: row.verdict,
    firstProblem: isCheckId(row.firstProblem) ? row.firstProblem : null,
  };
}

/**
 * How many rows match, and whether the scan was completed when they were counted: one statement, so the
 * count and the status come from the same moment (a count taken while the scan was still writing is not
 * remembered as final).
 */
async function countMatches(db: Db, scanId: string, where: SQL | undefined) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      completed: sql<boolean>`exists (select 1 from ${auditScans} where ${auditScans.id} = ${scanId} and ${auditScans.status} = 'completed')`,
    })
    .from(s)
    .where(where);
  return { total: row?.total ?? 0, completed: row?.completed === true };
}

/**
 * One window of a scan's rows. With `counts`, the total of a completed scan is counted once per filter and
 * then remembered (lib/audit/match-counts.ts): the table's later blocks and re-sorts read only their rows.
 */
export async function listSnapshots(
  db: Db,
  input: { scanId: string; filter: AuditFilter; offset: number; limit: number },
  counts?: MatchCounts,
): Promise<AuditRowsPage> {
  const where = snapshotWhere(input.scanId, input.filter);
  const count = () => countMatches(db, input.scanId, where);
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(s)
      .where(where)
      .orderBy(...orderOf(input.filter))
      .offset(input.offset)
      .limit(input.limit),
    counts ? counts.total(matchCountKey(input.scanId, input.filter), count) : count().then((c) => c.total),
  ]);
  return { rows: rows.map(toAuditRow), total, offset: input.offset };
}

const EMPTY_WINNERS = (): Record<Tier | 'none', number> => ({
  phone_number: 0,
  whatsapp_business_account: 0,
  application: 0,
  none: 0,
});

/**
 * How many numbers land on each effective URL (null = no delivery), most first, across apps: each group says
 * which apps' routes reach it (a number counts once per app whose copy goes there). A fleet with thousands of
 * phone overrides has thousands of one-number destinations; only the `limit` biggest are returned.
 */
export async function urlGroups(
  db: Db,
  input: { scanId: string; filter: AuditFilter; limit?: number },
): Promise<UrlGroups> {
  const rows = await db
    .select({
      url: s.effectiveUrl,
      winner: s.winner,
      appId: s.appId,
      appLabel: s.appLabel,
      count: sql<number>`count(*)::int`,
    })
    .from(s)
    .where(snapshotWhere(input.scanId, input.filter))
    .groupBy(s.effectiveUrl, s.winner, s.appId, s.appLabel);
  const groups = new Map<string | null, UrlGroup>();
  for (const row of rows) {
    const group = groups.get(row.url) ?? { url: row.url, count: 0, byWinner: EMPTY_WINNERS(), apps: [] };
    group.count += row.count;
    group.byWinner[row.winner ?? 'none'] += row.count;
    const app = group.apps.find((a) => a.appId === row.appId);
    if (app) app.count += row.count;
    else group.apps.push({ appId: row.appId, appLabel: row.appLabel, count: row.count });
    groups.set(row.url, group);
  }
  for (const group of groups.values()) {
    group.apps.sort((a, b) => b.count - a.count || (a.appLabel ?? '').localeCompare(b.appLabel ?? ''));
  }
  const sorted = [...groups.values()].sort(
    (a, b) => b.count - a.count || (a.url ?? '').localeCompare(b.url ?? ''),
  );
  return {
    groups: sorted.slice(0, input.limit ?? 100),
    destinations: sorted.length,
    numbers: sorted.reduce((sum, g) => sum + g.count, 0),
  };
}

/** Every matching row in id order, `batchSize` at a time (keyset paging: stable while the scan is written). */
export async function* walkSnapshots(
  db: Db,
  input: { scanId: string; filter: AuditFilter; batchSize?: number },
): AsyncGenerator<RouteSnapshotRow[]> {
  const size = input.batchSize ?? 1_000;
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(s)
      .where(and(snapshotWhere(input.scanId, input.filter), gt(s.id, after)))
      .orderBy(asc(s.id))
      .limit(size);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)?.id ?? after;
    if (rows.length < size) return;
  }
}
