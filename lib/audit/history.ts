/**
 * A number's route over time and the drift flags, for the number page and the overview: read from completed
 * scans only, so a scan still being written never shows half a picture. A scan holds one row per number and
 * app, so a number's history is one app's: the app asked for, else each scan's default app (as before
 * several apps were scanned).
 */
import 'server-only';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '@/lib/db/client';
import { auditScans, routeSnapshots } from '@/lib/db/schema';
import { toAuditRow } from './queries';
import { latestCompletedScan } from './scans';
import type { AuditRow, AuditScanView } from './types';

const s = routeSnapshots;

/** Rows without an app id predate several apps: they are their scan's app's. */
function ofApp(appId: string | undefined): SQL {
  const rowApp = sql`coalesce(${s.appId}, ${auditScans.appId})`;
  return appId ? sql`${rowApp} = ${appId}` : sql`${rowApp} = ${auditScans.appId}`;
}

function completedSnapshotsOf(db: Db, phoneNumberId: string, appId?: string, ...more: SQL[]) {
  return db
    .select({ snapshot: s })
    .from(s)
    .innerJoin(auditScans, eq(auditScans.id, s.scanId))
    .where(and(eq(s.phoneNumberId, phoneNumberId), eq(auditScans.status, 'completed'), ofApp(appId), ...more))
    .$dynamic();
}

export interface RouteHistory {
  /** The most recent snapshot, or null when no completed scan has seen the number. */
  latest: AuditRow | null;
  /** When a scan first saw the number. */
  firstSeen: AuditRow | null;
  /** Snapshots whose route differed from the one before, newest first. */
  changes: AuditRow[];
}

/**
 * One statement for the three parts (latest, first, changes): the number page reads it on every load, and on
 * the embedded database each statement queues behind every other request's. `appId`: whose route (default:
 * each scan's default app).
 */
export async function routeHistory(
  db: Db,
  phoneNumberId: string,
  limit = 50,
  appId?: string,
): Promise<RouteHistory> {
  const part = (kind: 'latest' | 'first' | 'change') =>
    db
      .select({ kind: sql<string>`${kind}`.as('kind'), snapshot: s })
      .from(s)
      .innerJoin(auditScans, eq(auditScans.id, s.scanId))
      .where(
        and(
          eq(s.phoneNumberId, phoneNumberId),
          eq(auditScans.status, 'completed'),
          ofApp(appId),
          kind === 'change' ? eq(s.changed, true) : undefined,
        ),
      )
      .orderBy(kind === 'first' ? asc(s.at) : desc(s.at))
      .limit(kind === 'change' ? limit : 1);
  const rows = await unionAll(part('latest'), part('first'), part('change'));
  const of = (kind: string) => rows.filter((row) => row.kind === kind).map((row) => toAuditRow(row.snapshot));
  return {
    latest: of('latest')[0] ?? null,
    firstSeen: of('first')[0] ?? null,
    // A union's output order is not promised: newest first again here.
    changes: of('change').sort((a, b) => b.at.localeCompare(a.at)),
  };
}

/**
 * The number's latest snapshot (of `appId`, default: each scan's default app) when it is flagged as changed
 * outside Switchboard, else null.
 */
export async function numberDrift(db: Db, phoneNumberId: string, appId?: string): Promise<AuditRow | null> {
  const [latest] = await completedSnapshotsOf(db, phoneNumberId, appId).orderBy(desc(s.at)).limit(1);
  return latest?.snapshot.drift ? toAuditRow(latest.snapshot) : null;
}

export interface DriftSummary {
  scan: AuditScanView;
  /** The first few flagged numbers, for a glance. */
  sample: AuditRow[];
}

/** The latest completed scan's drift, or null when there is no completed scan yet. */
export async function driftSummary(db: Db, sampleSize = 5): Promise<DriftSummary | null> {
  const scan = await latestCompletedScan(db);
  if (!scan) return null;
  const sample = await db
    .select()
    .from(s)
    .where(and(eq(s.scanId, scan.id), eq(s.drift, true)))
    .orderBy(asc(s.id))
    .limit(sampleSize);
  return { scan, sample: sample.map(toAuditRow) };
}
