/**
 * Reading the change log: filters from the URL, one page for /activity, the latest rows for one target, and
 * a batched walk for CSV export. Writing stays in ./change-log.ts (append-only).
 *
 * Newest first means highest id first: ids follow the order rows were written, and unlike timestamps they
 * give the export a cursor that cannot skip rows written in the same millisecond.
 */
import 'server-only';
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { parseAsInteger } from 'nuqs/server';
import { z } from 'zod';
import { textProblem } from '@/lib/text/text-problem';
import { parseAsZod, searchParamsLoader, withoutNulls } from '@/lib/url-state/parse-as-zod';
import { type Db, getDb } from './client';
import {
  CHANGE_OUTCOMES,
  CHANGE_TARGET_TYPES,
  type ChangeLogRow,
  type ChangeTargetType,
  changeLog,
} from './schema';

export { CHANGE_TARGET_TYPES, type ChangeTargetType } from './schema';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dates a filter may name. JavaScript parses years from -271821 to 275760, PostgreSQL refuses anything
 * before 4713 BC or in year 0 (SQLSTATE 22008, a 500), and no change can predate 1970 or follow 9999.
 */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const DATE_RANGE_MESSAGE = 'Pick a date between 1970-01-01 and 9999-12-31.';

/** The instant a day (`2026-03-01`, start of the UTC day) or an ISO instant names; NaN for anything else. */
function instantOf(value: string): number {
  if (!DAY.test(value) && !value.includes('T')) return Number.NaN;
  return Date.parse(DAY.test(value) ? `${value}T00:00:00Z` : value);
}

const inRange = (instant: number) => instant >= EARLIEST && instant <= LATEST;

/** A day or an ISO instant within the range above; anything else is ignored. */
const dayOrInstant = z
  .string()
  .trim()
  .refine((v) => inRange(instantOf(v)));

/** Bad or empty values are dropped rather than rejected: a hand-edited URL still shows the log. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional()).catch(undefined);

/** Free text to match: a control or broken character matches nothing stored (and PostgreSQL refuses U+0000). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => textProblem(v, 'filter') === null);

export const changeLogFilterSchema = z.object({
  actor: optional(text(254)),
  targetType: optional(z.enum(CHANGE_TARGET_TYPES)),
  targetId: optional(text(128)),
  action: optional(text(64)),
  outcome: optional(z.enum(CHANGE_OUTCOMES)),
  from: optional(dayOrInstant),
  to: optional(dayOrInstant),
});
export type ChangeLogFilter = z.output<typeof changeLogFilterSchema>;

export const FILTER_KEYS = Object.keys(changeLogFilterSchema.shape) as (keyof ChangeLogFilter)[];

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function firstValue(params: SearchParamsLike, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

const field = <K extends keyof ChangeLogFilter>(key: K) =>
  parseAsZod(
    changeLogFilterSchema.shape[key] as z.ZodType<NonNullable<ChangeLogFilter[K]> | undefined, unknown>,
  );

/** /activity's URL state as nuqs parsers (each value by its zod rule above), and the page number. */
export const activitySearchParams = {
  actor: field('actor'),
  targetType: field('targetType'),
  targetId: field('targetId'),
  action: field('action'),
  outcome: field('outcome'),
  from: field('from'),
  to: field('to'),
  page: parseAsInteger.withDefault(1),
};
const loadActivitySearchParams = searchParamsLoader(activitySearchParams);

export function parseChangeLogFilter(params: SearchParamsLike): ChangeLogFilter {
  const { page: _page, ...filter } = withoutNulls(loadActivitySearchParams(params));
  return filter;
}

export type ChangeLogFieldErrors = Partial<Record<'from' | 'to', string>>;

/**
 * What the filter cannot honour and must say so: a real date outside the range above (it is dropped from the
 * filter, and the page shows this next to the field; the export refuses it with 400). Text that is no date at
 * all is still dropped quietly, so a hand-edited URL shows the log.
 */
export function changeLogFilterErrors(params: SearchParamsLike): ChangeLogFieldErrors {
  const errors: ChangeLogFieldErrors = {};
  for (const key of ['from', 'to'] as const) {
    const raw = firstValue(params, key)?.trim();
    if (!raw) continue;
    const instant = instantOf(raw);
    if (!Number.isNaN(instant) && !inRange(instant)) errors[key] = DATE_RANGE_MESSAGE;
  }
  return errors;
}

export function parsePage(params: SearchParamsLike): number {
  const { page } = loadActivitySearchParams(params);
  return Math.max(page, 1);
}

/** The filter as URL query (no page), for links and the CSV export. */
export function filterQuery(filter: ChangeLogFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** `to` is inclusive of its whole day: `to=2026-03-01` keeps rows until the end of 1 March (UTC). */
function bound(value: string, edge: 'from' | 'to'): Date {
  if (!DAY.test(value)) return new Date(value);
  const start = new Date(`${value}T00:00:00Z`);
  // The day after 9999-12-31 is year 10000, which PostgreSQL's driver cannot send: stop at the range's end.
  return edge === 'from' ? start : new Date(Math.min(start.getTime() + 24 * 60 * 60 * 1000, LATEST));
}

/** The filter as a WHERE clause; the grouped Activity query (./change-log-entries.ts) uses it too. */
export function whereOf(filter: ChangeLogFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(sql`lower(${changeLog.actorEmail}) = ${filter.actor.toLowerCase()}`);
  if (filter.targetType) conditions.push(eq(changeLog.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(changeLog.targetId, filter.targetId));
  if (filter.action) conditions.push(eq(changeLog.action, filter.action));
  if (filter.outcome) conditions.push(eq(changeLog.outcome, filter.outcome));
  if (filter.from) conditions.push(gte(changeLog.at, bound(filter.from, 'from')));
  if (filter.to) conditions.push(lt(changeLog.at, bound(filter.to, 'to')));
  return conditions.length ? and(...conditions) : undefined;
}

async function db(given?: Db): Promise<Db> {
  return given ?? (await getDb());
}

export interface ChangeLogPage {
  rows: ChangeLogRow[];
  total: number;
  page: number;
  pageSize: number;
}

export async function queryChangeLog(
  options: { filter: ChangeLogFilter; page?: number; pageSize?: number },
  given?: Db,
): Promise<ChangeLogPage> {
  const handle = await db(given);
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 500);
  const where = whereOf(options.filter);
  const [counted] = await handle.select({ n: sql<number>`count(*)::int` }).from(changeLog).where(where);
  const total = counted?.n ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(options.page ?? 1, 1), lastPage);
  const rows = await handle
    .select()
    .from(changeLog)
    .where(where)
    .orderBy(desc(changeLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total, page, pageSize };
}

export async function latestChangesFor(
  target: { targetType: ChangeTargetType; targetId: string; limit?: number },
  given?: Db,
): Promise<ChangeLogRow[]> {
  return (await db(given))
    .select()
    .from(changeLog)
    .where(and(eq(changeLog.targetType, target.targetType), eq(changeLog.targetId, target.targetId)))
    .orderBy(desc(changeLog.id))
    .limit(target.limit ?? 20);
}

/** Newest first, `batchSize` rows at a time, continuing below the last id seen (stable while rows arrive). */
export async function* walkChangeLog(
  filter: ChangeLogFilter,
  options: { batchSize?: number; maxRows?: number } = {},
  given?: Db,
): AsyncGenerator<ChangeLogRow[]> {
  const handle = await db(given);
  const batchSize = options.batchSize ?? 500;
  let remaining = options.maxRows ?? 100_000;
  let belowId: number | null = null;
  while (remaining > 0) {
    const rows = await handle
      .select()
      .from(changeLog)
      .where(and(whereOf(filter), belowId === null ? undefined : lt(changeLog.id, belowId)))
      .orderBy(desc(changeLog.id))
      .limit(Math.min(batchSize, remaining));
    if (rows.length === 0) return;
    yield rows;
    remaining -= rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    belowId = last.id;
  }
}

/** Distinct people and actions that appear in the log, for the filter menus. */
export async function changeLogFacets(given?: Db): Promise<{ actors: string[]; actions: string[] }> {
  const handle = await db(given);
  const [actors, actions] = await Promise.all([
    handle
      .selectDistinct({ v: changeLog.actorEmail })
      .from(changeLog)
      .orderBy(asc(changeLog.actorEmail))
      .limit(500),
    handle.selectDistinct({ v: changeLog.action }).from(changeLog).orderBy(asc(changeLog.action)).limit(200),
  ]);
  return { actors: actors.map((r) => r.v), actions: actions.map((r) => r.v) };
}
