/**
 * The overview from the latest audit snapshot: counts by winning tier, the biggest destinations, WABAs this app
 * is not subscribed to, overrides in use whose URL failed its latest callback check, and the numbers that
 * cannot receive messages by first failing check — a handful of grouped queries on one scan's rows, so the
 * page costs no Graph call however large the fleet (the background job keeps the snapshot fresh). The figures
 * are the default app's routes (the scan's `app_id`), as before several apps were scanned: a number counts once.
 */
import 'server-only';
import { and, count, eq, gt, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { changeLog, routeSnapshots } from '@/lib/db/schema';
import { CHECK_IDS, type CheckId } from '@/lib/doctor/types';
import { latestChecks } from '@/lib/routing/callback-checks';
import { OVERVIEW_TOP_URLS } from '@/lib/routing/get-overview';
import { ROUTING_ACTIONS, type Tier, type WabaSummary } from '@/lib/routing/types';
import { appRows, urlGroups } from './queries';
import { latestCompletedScan, latestScan } from './scans';
import type { AuditScanView, FleetOverview, UndeliverableGroup } from './types';

const s = routeSnapshots;

/** The scan's rows of one app. */
const ofScan = (scanId: string, appId: string) => and(eq(s.scanId, scanId), appRows(scanId, appId));

const zeroWinners = (): Record<Tier | 'none', number> => ({
  phone_number: 0,
  whatsapp_business_account: 0,
  application: 0,
  none: 0,
});

export async function snapshotOverview(db: Db): Promise<FleetOverview> {
  const [current, latest] = await Promise.all([latestCompletedScan(db), latestScan(db)]);
  const running = latest?.status === 'running' ? latest : null;
  if (!current?.finishedAt) {
    return {
      wabaCount: 0,
      numberCount: 0,
      byWinner: zeroWinners(),
      byUrl: [],
      unsubscribedWabas: [],
      failingOverrides: [],
      errors: [],
      readAt: new Date().toISOString(),
      snapshot: null,
      running,
      undeliverable: null,
    };
  }
  const scanId = current.id;
  const app = current.appId;
  const [byWinner, groups, unsubscribedWabas, failingOverrides, undeliverable, changesSince] =
    await Promise.all([
      winners(db, scanId, app),
      urlGroups(db, { scanId, filter: { app }, limit: OVERVIEW_TOP_URLS }),
      unsubscribed(db, scanId, app),
      failing(db, scanId, app),
      undeliverableGroups(db, scanId, app),
      routingChangesSince(db, current),
    ]);
  return {
    wabaCount: current.wabasScanned,
    numberCount: groups.numbers,
    byWinner,
    byUrl: groups.groups.map((g) => ({ url: g.url, count: g.count })),
    unsubscribedWabas,
    failingOverrides,
    errors: current.errors,
    readAt: current.finishedAt,
    snapshot: { scanId, startedAt: current.startedAt, finishedAt: current.finishedAt, changesSince },
    running,
    undeliverable,
  };
}

async function winners(db: Db, scanId: string, appId: string): Promise<Record<Tier | 'none', number>> {
  const rows = await db
    .select({ winner: s.winner, n: count() })
    .from(s)
    .where(ofScan(scanId, appId))
    .groupBy(s.winner);
  const out = zeroWinners();
  for (const row of rows) out[row.winner ?? 'none'] += row.n;
  return out;
}

async function unsubscribed(db: Db, scanId: string, appId: string): Promise<WabaSummary[]> {
  const rows = await db
    .select({
      wabaId: s.wabaId,
      name: s.wabaName,
      businessId: s.businessId,
      ownership: s.ownership,
      numberCount: count(),
    })
    .from(s)
    .where(and(ofScan(scanId, appId), eq(s.subscribed, false)))
    .groupBy(s.wabaId, s.wabaName, s.businessId, s.ownership)
    .orderBy(s.wabaName, s.wabaId);
  // The snapshot keeps neither the owner's name nor other apps' subscriptions; the WABA page reads them live.
  return rows.map((row) => ({
    ...row,
    ownerBusinessName: null,
    subscribed: false,
    wabaOverride: null,
    subscriptions: [],
  }));
}

/**
 * Overrides in use (winning phone overrides; this app's WABA overrides) whose URL's latest callback check
 * failed. The distinct URLs are checked first, so only the failing ones' numbers are read.
 */
async function failing(db: Db, scanId: string, appId: string): Promise<FleetOverview['failingOverrides']> {
  const phoneInUse = and(ofScan(scanId, appId), eq(s.winner, 'phone_number'), isNotNull(s.effectiveUrl));
  const wabaInUse = and(ofScan(scanId, appId), eq(s.subscribed, true), isNotNull(s.wabaTier));
  const [phoneUrls, wabaUrls] = await Promise.all([
    db.selectDistinct({ url: s.effectiveUrl }).from(s).where(phoneInUse),
    db.selectDistinct({ url: s.wabaTier }).from(s).where(wabaInUse),
  ]);
  const urls = [...phoneUrls, ...wabaUrls].flatMap((r) => (r.url ? [r.url] : []));
  const checks = await latestChecks(db, urls);
  const bad = [...checks.values()].filter((c) => !c.ok).map((c) => c.url);
  if (bad.length === 0) return [];
  const [phones, wabas] = await Promise.all([
    db
      .select({ phoneNumberId: s.phoneNumberId, wabaId: s.wabaId, url: s.effectiveUrl })
      .from(s)
      .where(and(phoneInUse, inArray(s.effectiveUrl, bad))),
    db
      .selectDistinct({ wabaId: s.wabaId, url: s.wabaTier })
      .from(s)
      .where(and(wabaInUse, inArray(s.wabaTier, bad))),
  ]);
  return [...wabas.map((w) => ({ ...w, phoneNumberId: null })), ...phones].flatMap((entry) => {
    const check = entry.url ? checks.get(entry.url) : undefined;
    return check && entry.url
      ? [{ ...entry, url: entry.url, checkedAt: check.at.toISOString(), reason: check.reason }]
      : [];
  });
}

async function undeliverableGroups(
  db: Db,
  scanId: string,
  appId: string,
): Promise<FleetOverview['undeliverable']> {
  const [checked] = await db
    .select({ n: count() })
    .from(s)
    .where(and(ofScan(scanId, appId), isNotNull(s.verdict)));
  if (!checked?.n) return null;
  const rows = await db
    .select({ check: s.firstProblem, n: count() })
    .from(s)
    .where(and(ofScan(scanId, appId), eq(s.verdict, 'does_not_deliver')))
    .groupBy(s.firstProblem);
  const groups: UndeliverableGroup[] = rows
    .flatMap((r) => (isCheck(r.check) ? [{ check: r.check, count: r.n }] : []))
    // In the order Meta depends on the checks: the first group is the most fundamental cause.
    .sort((a, b) => CHECK_IDS.indexOf(a.check) - CHECK_IDS.indexOf(b.check));
  return { total: rows.reduce((sum, r) => sum + r.n, 0), groups, appId };
}

function isCheck(value: string | null): value is CheckId {
  return (CHECK_IDS as readonly (string | null)[]).includes(value);
}

/** Routing writes that reached Graph since the scan started (refused and failed ones changed nothing). */
async function routingChangesSince(db: Db, scan: AuditScanView): Promise<number> {
  const where: SQL | undefined = and(
    gt(changeLog.at, new Date(scan.startedAt)),
    inArray(changeLog.action, [...ROUTING_ACTIONS]),
    inArray(changeLog.outcome, ['success', 'mismatch', 'unverified']),
  );
  const [row] = await db.select({ n: count() }).from(changeLog).where(where);
  return row?.n ?? 0;
}
