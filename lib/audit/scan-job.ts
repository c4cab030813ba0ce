/**
 * A fleet audit scan as a job: claimed in the database (one at a time), run in the background of the process
 * that started it, progress and heartbeat written every second so any instance can report it, snapshots
 * written page by page, and drift marked when it completes. Leaving the page does not stop it.
 */
import 'server-only';
import { scanFleet } from '@/lib/fleet/scanner';
import type { ScannedWaba, ScanProgress } from '@/lib/fleet/types';
import { describeGraphError } from '@/lib/graph/describe-error';
import { withHeartbeat } from '@/lib/jobs/heartbeat';
import { markChanges } from './drift';
import type { AuditEnv } from './env';
import type { AuditGraph } from './graph';
import { toSnapshotRows } from './rows';
import { claimScan, finishScan, getScan, recordProgress, type ScanCounters, type ScanDue } from './scans';
import { insertSnapshots } from './snapshot-writer';
import type { AuditScanView } from './types';
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

function countersOf(progress: ScanProgress, audit: AuditGraph): ScanCounters {
  return {
    ...progress,
    graphCalls: audit.meter.calls,
    backoffs: audit.throttle.stats.backoffs,
    throttledMs: Math.round(audit.throttle.stats.throttledMs),
  };
}

async function runScan(env: AuditEnv, scanId: string): Promise<AuditScanView | null> {
  const audit = env.connect();
  let progress = EMPTY_PROGRESS;
  const heartbeat = {
    beat: () => recordProgress(env.db, scanId, countersOf(progress, audit)),
    intervalMs: env.progressIntervalMs,
  };
  try {
    // The doctor's checks run on the scan's own (metered, throttled) client, once per scan.
    const verdicts = env.doctor ? new FleetVerdicts(await env.doctor(audit.graph)) : null;
    const rowsOf = async (waba: ScannedWaba) =>
      toSnapshotRows(scanId, env.appId, waba, verdicts ? await verdicts.forWaba(waba) : undefined);
    const outcome = await withHeartbeat(heartbeat, () =>
      scanFleet(
        { ...audit, businessIds: env.businessIds },
        {
          ...env.scanOptions,
          withHealth: verdicts !== null,
          onWabas: async (wabas) => insertSnapshots(env.db, (await Promise.all(wabas.map(rowsOf))).flat()),
          onProgress: (next) => {
            progress = next;
          },
        },
      ),
    );
    const counters = countersOf(outcome, audit);
    const nothingRead = outcome.numbersScanned === 0 && outcome.errors.length > 0;
    if (nothingRead) {
      await finishScan(env.db, scanId, { status: 'failed', counters, errors: outcome.errors });
    } else {
      const drift = await markChanges(env.db, { id: scanId, appId: env.appId }, new Date());
      await finishScan(env.db, scanId, {
        status: 'completed',
        counters,
        errors: outcome.errors,
        changedCount: drift.changed,
        driftCount: drift.drift,
      });
    }
  } catch (error) {
    await finishScan(env.db, scanId, {
      status: 'failed',
      counters: countersOf(progress, audit),
      errors: [describeGraphError(error, 'Running the audit scan')],
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
