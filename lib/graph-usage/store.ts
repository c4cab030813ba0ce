/**
 * The `graph_usage` table: the latest usage figure per scope, shared by every instance on the database.
 * `recordUsage` upserts and never lets an older report overwrite a newer one (instances race); `latestUsage`
 * is what the settings page shows and what rate-limit-aware code (the audit throttle) can consult.
 */
import 'server-only';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { graphUsage } from '@/lib/db/schema';
import { figureKey, figurePercent, type UsageFigure } from './figures';

export async function recordUsage(db: Db, appId: string, figures: readonly UsageFigure[]): Promise<void> {
  // One statement may not touch a row twice: keep the newest figure per key.
  const byKey = new Map<string, UsageFigure>();
  for (const figure of figures) {
    const seen = byKey.get(figureKey(figure));
    if (!seen || seen.receivedAt <= figure.receivedAt) byKey.set(figureKey(figure), figure);
  }
  if (byKey.size === 0) return;
  await db
    .insert(graphUsage)
    .values([...byKey.values()].map((figure) => ({ appId, ...figure })))
    .onConflictDoUpdate({
      target: [graphUsage.appId, graphUsage.scope, graphUsage.objectId, graphUsage.useCaseType],
      set: {
        callCount: sql`excluded.call_count`,
        totalCputime: sql`excluded.total_cputime`,
        totalTime: sql`excluded.total_time`,
        regainAccessMinutes: sql`excluded.regain_access_minutes`,
        receivedAt: sql`excluded.received_at`,
      },
      setWhere: sql`excluded.received_at >= ${graphUsage.receivedAt}`,
    });
}

export interface UsageFigureView extends UsageFigure {
  /** Highest of the three percentages. */
  percent: number;
}

export interface LatestUsage {
  /** `X-App-Usage`, or null when no response has carried it. */
  app: UsageFigureView | null;
  /** Business use-case figures, the most loaded first (at most `limit`). */
  businessUseCases: UsageFigureView[];
  /** How many business use-case scopes have a figure (may exceed the list above). */
  businessUseCaseCount: number;
  /** Highest percentage of any scope, or null when nothing is recorded. */
  maxPercent: number | null;
  /** Newest report of any scope, or null when nothing is recorded. */
  latestAt: Date | null;
}

/** A row's percentage in SQL: the highest of its three figures (as `figurePercent` computes it in code). */
const percent = sql`greatest(${graphUsage.callCount}, ${graphUsage.totalCputime}, ${graphUsage.totalTime})`;

const view = (row: UsageFigure): UsageFigureView => ({ ...row, percent: figurePercent(row) });

export async function latestUsage(
  db: Db,
  appId: string,
  options: { limit?: number } = {},
): Promise<LatestUsage> {
  const limit = options.limit ?? 20;
  const columns = {
    scope: graphUsage.scope,
    objectId: graphUsage.objectId,
    useCaseType: graphUsage.useCaseType,
    callCount: graphUsage.callCount,
    totalCputime: graphUsage.totalCputime,
    totalTime: graphUsage.totalTime,
    regainAccessMinutes: graphUsage.regainAccessMinutes,
    receivedAt: graphUsage.receivedAt,
  };
  const [appRows, bucRows, [summary]] = await Promise.all([
    db
      .select(columns)
      .from(graphUsage)
      .where(and(eq(graphUsage.appId, appId), eq(graphUsage.scope, 'app'))),
    db
      .select(columns)
      .from(graphUsage)
      .where(and(eq(graphUsage.appId, appId), eq(graphUsage.scope, 'business_use_case')))
      .orderBy(desc(percent), desc(graphUsage.receivedAt), graphUsage.objectId)
      .limit(limit),
    db
      .select({
        bucCount: sql<number>`count(*) filter (where ${graphUsage.scope} = 'business_use_case')`.mapWith(
          Number,
        ),
        maxPercent: sql<number | null>`max(${percent})`.mapWith((v) => (v === null ? null : Number(v))),
        latestAt: sql<Date | null>`max(${graphUsage.receivedAt})`.mapWith((v) =>
          v === null ? null : new Date(v),
        ),
      })
      .from(graphUsage)
      .where(eq(graphUsage.appId, appId)),
  ]);
  const app = appRows[0];
  return {
    app: app ? view(app) : null,
    businessUseCases: bucRows.map(view),
    businessUseCaseCount: summary?.bucCount ?? 0,
    maxPercent: summary?.maxPercent ?? null,
    latestAt: summary?.latestAt ?? null,
  };
}

/** The highest percentage of any scope reported in the last `withinMs`, or null: what the audit throttle heeds. */
export async function recentMaxPercent(db: Db, appId: string, withinMs: number): Promise<number | null> {
  const since = new Date(Date.now() - withinMs);
  const [row] = await db
    .select({
      percent: sql<number | null>`max(${percent})`,
    })
    .from(graphUsage)
    .where(and(eq(graphUsage.appId, appId), gte(graphUsage.receivedAt, since)));
  return row?.percent === null || row?.percent === undefined ? null : Number(row.percent);
}
