'use client';

import { RefreshCw } from 'lucide-react';
import { Timestamp } from '@/components/common/timestamp';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { AuditScanView } from '@/lib/audit/types';
import { count, plural, seconds } from './format';
import { ProgressBar } from './progress-bar';
import type { ScanState } from './scan-state-api';

function RunningScan({ scan }: { scan: AuditScanView }) {
  const total = scan.numbersTotal;
  const approx = total !== null && !scan.numbersTotalExact ? '~' : '';
  return (
    <div className="space-y-2" data-testid="scan-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-800">
        <span aria-live="polite">
          Scanning: <strong data-testid="scan-numbers">{count(scan.numbersScanned)}</strong>
          {total !== null && (
            <>
              {' '}
              of {approx}
              {count(total)}
            </>
          )}{' '}
          numbers · {count(scan.wabasScanned)}
          {scan.wabasTotal !== null && ` of ${count(scan.wabasTotal)}`} WABAs
        </span>
        <span data-testid="scan-calls">
          Graph calls used: {count(scan.graphCalls)}
          {scan.batchOperations > 0 && ` (+${count(scan.batchOperations)} batched operations)`}
        </span>
      </div>
      <ProgressBar label="Audit scan progress" value={scan.numbersScanned} max={total} />
      {scan.backoffs > 0 && (
        <p className="text-sm text-amber-900">
          Slowed down for Graph’s rate limits: {plural(scan.backoffs, 'pause')}, {seconds(scan.throttledMs)}{' '}
          held back.
        </p>
      )}
      <p className="text-xs text-slate-700">
        Started by {scan.startedBy} at <Timestamp iso={scan.startedAt} />. It keeps running if you leave this
        page.
      </p>
    </div>
  );
}

function Problems({ scan }: { scan: AuditScanView }) {
  if (scan.errors.length === 0) return null;
  return (
    <Alert variant={scan.status === 'failed' ? 'destructive' : 'warning'}>
      <div className="space-y-1">
        <p className="font-medium">
          {scan.status === 'failed'
            ? 'The last scan failed: nothing could be read.'
            : `Part of the fleet could not be read in the last scan (${plural(scan.errors.length, 'problem')}).`}
        </p>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {scan.errors.slice(0, 5).map((error, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity
            <li key={i}>
              {error.context ? `${error.context}: ` : ''}
              {error.message}
            </li>
          ))}
        </ul>
      </div>
    </Alert>
  );
}

/**
 * The fleet's size: with several apps each read the same numbers, so the number count is the default app's
 * (the first read) and the apps are named — "26 numbers in 8 WABAs, as 2 apps (Switchboard Demo, Acme …)".
 */
function SnapshotSize({ scan }: { scan: AuditScanView }) {
  const [first] = scan.apps;
  if (scan.apps.length < 2 || !first) {
    return (
      <>
        {plural(scan.numbersScanned, 'number')} in {plural(scan.wabasScanned, 'WABA')}
      </>
    );
  }
  return (
    <>
      {plural(first.numbersScanned, 'number')} in {plural(first.wabasScanned, 'WABA')}, as{' '}
      <span data-testid="snapshot-apps">
        {scan.apps.length} apps ({scan.apps.map((a) => a.appLabel).join(', ')})
      </span>
    </>
  );
}

/** The snapshot's time and size, a running scan's progress, and the button that starts a new scan. */
export function ScanPanel({
  state,
  onRefresh,
  starting,
  startError,
}: {
  state: ScanState;
  /** Null when the role may not start scans (they spend Graph quota). */
  onRefresh: (() => void) | null;
  starting: boolean;
  startError: string | null;
}) {
  const { latest, current } = state;
  const running = latest?.status === 'running' ? latest : null;
  const lastEnded = latest && latest.status !== 'running' && latest.id !== current?.id ? latest : null;
  return (
    <section
      aria-labelledby="snapshot-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h2 id="snapshot-heading" className="text-base font-semibold text-slate-900">
            Snapshot
          </h2>
          {current ? (
            <p className="text-sm text-slate-800" data-testid="snapshot-time" data-scan-id={current.id}>
              Read from Graph at <Timestamp iso={current.finishedAt ?? current.startedAt} /> ·{' '}
              <SnapshotSize scan={current} /> · {plural(current.graphCalls, 'Graph call')}
            </p>
          ) : (
            <p className="text-sm text-slate-800">
              No audit yet: run one to see where every number’s webhooks go.
            </p>
          )}
        </div>
        {onRefresh ? (
          <Button onClick={onRefresh} disabled={starting || running !== null}>
            <RefreshCw aria-hidden="true" className={running || starting ? 'animate-spin' : undefined} />
            {running ? 'Scan running…' : starting ? 'Starting…' : 'Refresh audit'}
          </Button>
        ) : (
          <p className="text-sm text-slate-700" data-testid="scan-not-allowed">
            Operators and admins can start a scan.
          </p>
        )}
      </div>
      {startError && (
        <Alert variant="destructive" role="alert">
          {startError}
        </Alert>
      )}
      {running && <RunningScan scan={running} />}
      {lastEnded && <Problems scan={lastEnded} />}
      {!running && !lastEnded && current && <Problems scan={current} />}
    </section>
  );
}
