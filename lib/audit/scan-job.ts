/**
 * A fleet audit scan as a job: claimed in the database (one at a time), run in the background of the process
 * that started it, progress and heartbeat written every second so any instance can report it, snapshots
 * written page by page, and drift marked when it completes. Leaving the page does not stop it.
 *
 * One job reads the fleet once per configured app, one app after another, each with its own token (Graph
 * shows an app's phone overrides only to that app), its own metered client and throttle (rate limits are per
 * app) and its own doctor checks, writing one snapshot row per number and app. One job rather than one per
 * app keeps "one scan at a time", the progress bar and "the latest completed scan" as they were: a snapshot
 * is every app's routes read together, and drift compares each app's rows with that app's previous rows.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { scanFleet } from '@/lib/fleet/scanner';
import type { ScannedWaba, ScanOutcome, ScanProgress } from '@/lib/fleet/types';
import { describeGraphError } from '@/lib/graph/describe-error';
import { withHeartbeat } from '@/lib/jobs/heartbeat';
import type { GraphFailureView } from '@/lib/routing/types';
import { markChanges } from './drift';
import type { AuditApp, AuditEnv } from './env';
import type { AuditGraph } from './graph';
import { toSnapshotRows } from './rows';
import { scanApps } from './scan-apps';
import { claimScan, finishScan, getScan, recordProgress, type ScanCounters, type ScanDue } from './scans';
import { insertSnapshots } from './snapshot-writer';
import type { AuditScanAppStats, AuditScanView } from './types';
import { FleetVerdicts } from './verdicts';

export interface StartedScan {
  scan: AuditScanView;
  /** False when a scan was already running: that one is returned instead. */
  created: boolean;
  /** Settles when the scan ends (never rejects); callers in requests do not wait for it. */
  finished: Promise<AuditScanView | null>;
}

const EMPTY_PROGRESS: ScanProgress = {
  wabasTotal: null,
  wabasScanned: 0,
  numbersTotal: null,
  numbersTotalExact: false,
  numbersScanned: 0,
  batchOperations: 0,
};

const NO_COUNTERS: ScanCounters = { ...EMPTY_PROGRESS, graphCalls: 0, backoffs: 0, throttledMs: 0 };

function countersOf(progress: ScanProgress, audit: AuditGraph | null): ScanCounters {
  return {
    ...progress,
    graphCalls: audit?.meter.calls ?? 0,
    backoffs: audit?.throttle.stats.backoffs ?? 0,
    throttledMs: Math.round(audit?.throttle.stats.throttledMs ?? 0),
  };
}

const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/**
 * The whole job's counters: the apps already read plus the one being read. Totals of the apps still to come
 * are estimated as the current app's (the apps usually see the same WABAs), and are exact only at the end.
 */
function combined(done: ScanCounters | null, current: ScanCounters, appsLeftAfter: number): ScanCounters {
  const ahead = (n: number | null) => (n === null ? null : n * appsLeftAfter);
  if (!done) {
    return {
      ...current,
      wabasTotal: plus(current.wabasTotal, ahead(current.wabasTotal)),
      numbersTotal: plus(current.numbersTotal, ahead(current.numbersTotal)),
      numbersTotalExact: current.numbersTotalExact && appsLeftAfter === 0,
    };
  }
  return {
    wabasTotal: plus(done.wabasTotal, plus(current.wabasTotal, ahead(current.wabasTotal))),
    wabasScanned: done.wabasScanned + current.wabasScanned,
    numbersTotal: plus(done.numbersTotal, plus(current.numbersTotal, ahead(current.numbersTotal))),
    numbersTotalExact: done.numbersTotalExact && current.numbersTotalExact && appsLeftAfter === 0,
    numbersScanned: done.numbersScanned + current.numbersScanned,
    batchOperations: done.batchOperations + current.batchOperations,
    graphCalls: done.graphCalls + current.graphCalls,
    backoffs: done.backoffs + current.backoffs,
    throttledMs: done.throttledMs + current.throttledMs,
  };
}

/** With several apps, each failure says whose read it was; a single-app scan's errors read as before. */
function labelled(errors: GraphFailureView[], app: AuditApp, several: boolean): GraphFailureView[] {
  if (!several) return errors;
  return errors.map((e) => ({ ...e, context: e.context ? `${app.appLabel}: ${e.context}` : app.appLabel }));
}

interface AppRun {
  app: AuditApp;
  audit: AuditGraph | null;
  progress: ScanProgress;
  startedAt: number;
}

/** One app's pass over the fleet: its rows written page by page, with its own client and doctor checks. */
async function scanAsApp(env: AuditEnv, scanId: string, run: AppRun): Promise<ScanOutcome> {
  const { app } = run;
  const audit = app.connect();
  run.audit = audit;
  // The doctor's checks run on this app's own (metered, throttled) client, once per scan and app.
  const verdicts = app.doctor ? new FleetVerdicts(await app.doctor(audit.graph)) : null;
  const rowsOf = async (waba: ScannedWaba) =>
    toSnapshotRows(scanId, app, waba, verdicts ? await verdicts.forWaba(waba) : undefined);
  return scanFleet(
    { ...audit, businessIds: env.businessIds },
    {
      ...env.scanOptions,
      withHealth: verdicts !== null,
      onWabas: async (wabas) => insertSnapshots(env.db, (await Promise.all(wabas.map(rowsOf))).flat()),
      onProgress: (next) => {
        run.progress = next;
      },
    },
  );
}

function statsOf(run: AppRun, outcome: Pick<ScanOutcome, 'errors'> | null): AuditScanAppStats {
  return {
    appId: run.app.appId,
    appLabel: run.app.appLabel,
    graphCalls: run.audit?.meter.calls ?? 0,
    wallMs: Math.round(performance.now() - run.startedAt),
    wabasScanned: run.progress.wabasScanned,
    numbersScanned: run.progress.numbersScanned,
    errors: outcome?.errors.length ?? 0,
  };
}

async function runScan(env: AuditEnv, scanId: string): Promise<AuditScanView | null> {
  /** The apps read so far; null before the first one ends. */
  let done: ScanCounters | null = null;
  const stats: AuditScanAppStats[] = [];
  const errors: GraphFailureView[] = [];
  let run: AppRun | null = null;
  let appsLeftAfter = 0;
  const counters = () =>
    run ? combined(done, countersOf(run.progress, run.audit), appsLeftAfter) : (done ?? NO_COUNTERS);
  const statsNow = () => (run ? [...stats, statsOf(run, null)] : stats);
  const heartbeat = {
    beat: () => recordProgress(env.db, scanId, counters(), statsNow()),
    intervalMs: env.progressIntervalMs,
  };
  try {
    const apps = await scanApps(env);
    const several = apps.length > 1;
    await withHeartbeat(heartbeat, async () => {
      for (const [index, app] of apps.entries()) {
        appsLeftAfter = apps.length - index - 1;
        const current: AppRun = { app, audit: null, progress: EMPTY_PROGRESS, startedAt: performance.now() };
        run = current;
        let outcome: ScanOutcome;
        try {
          outcome = await scanAsApp(env, scanId, current);
        } catch (error) {
          // One app failing (its token revoked, say) leaves the others' routes worth reading; alone, it fails the scan.
          if (!several) throw error;
          outcome = { ...current.progress, errors: [describeGraphError(error, 'Running the audit scan')] };
        }
        current.progress = outcome;
        stats.push(statsOf(current, outcome));
        errors.push(...labelled(outcome.errors, app, several));
        done = combined(done, countersOf(outcome, current.audit), 0);
        run = null;
      }
    });
    const total = done ?? NO_COUNTERS;
    const nothingRead = total.numbersScanned === 0 && errors.length > 0;
    if (nothingRead) {
      await finishScan(env.db, scanId, { status: 'failed', counters: total, errors, apps: stats });
    } else {
      // Drift per app: each app's rows against that app's previous rows; the scan's counts are their sum.
      const until = new Date();
      let changed = 0;
      let drift = 0;
      for (const app of apps) {
        const marked = await markChanges(env.db, { id: scanId, appId: app.appId }, until);
        changed += marked.changed;
        drift += marked.drift;
      }
      // Fresh statistics for the rows just written (up to one per number and app). PGlite runs no autovacuum,
      // so without this the planner sees the table as empty and picks bitmap scans that took from 0.5 s to over
      // a minute per audit-table read at 50,000 numbers × 2 apps; with it, reads of the same table take 0.2 s.
      // A sample of 3,000 rows (statistics target 10, not 100) is enough for those plans and several times
      // quicker to take on a table this size, and the scan is not done until it is.
      await env.db.transaction(async (tx) => {
        await tx.execute(sql`set local default_statistics_target = 10`);
        await tx.execute(sql`analyze route_snapshots`);
      });
      await finishScan(env.db, scanId, {
        status: 'completed',
        counters: total,
        errors,
        changedCount: changed,
        driftCount: drift,
        apps: stats,
      });
    }
  } catch (error) {
    await finishScan(env.db, scanId, {
      status: 'failed',
      counters: counters(),
      errors: [...errors, describeGraphError(error, 'Running the audit scan')],
      apps: statsNow(),
    }).catch(() => {});
  }
  return getScan(env.db, scanId).catch(() => null);
}

/** `due`: for scheduled scans, only start when it says so (else the latest scan is returned, `created: false`). */
export async function startAuditScan(
  env: AuditEnv,
  startedBy: string,
  options: { due?: ScanDue } = {},
): Promise<StartedScan> {
  const { row, created } = await claimScan(env.db, { appId: env.appId, startedBy }, options);
  const scan = (await getScan(env.db, row.id)) as AuditScanView;
  const finished = created ? runScan(env, row.id) : Promise.resolve(scan);
  return { scan, created, finished };
}
