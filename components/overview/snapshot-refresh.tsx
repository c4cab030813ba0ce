'use client';

import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { count, plural } from '@/components/audit/format';
import type { ScanState } from '@/components/audit/scan-state-api';
import { Timestamp } from '@/components/common/timestamp';
import { buttonVariants } from '@/components/ui/button-variants';
import type { AuditScanView, FleetOverview } from '@/lib/audit/types';
import type { ActionResult } from '@/lib/auth/safe-action';

export type StartScan = (
  input: Record<string, never>,
) => Promise<ActionResult<{ scan: AuditScanView; created: boolean }>>;

// TanStack Query comes with the poller: a visit with no scan running does not download it.
const ScanPoller = lazy(() => import('./scan-poller').then((module) => ({ default: module.ScanPoller })));

/** "3 min ago": the snapshot's age in words, coarse enough that the server and browser agree. */
export function ageInWords(iso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'less than a minute ago';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * How fresh the overview is, a scan in progress, and (for those who may spend Graph quota on a scan) Refresh
 * now. While a scan runs, its progress is polled; when it completes, the page is rendered again from the new
 * snapshot.
 */
export function SnapshotRefresh({
  overview,
  startScan,
}: {
  overview: Pick<FleetOverview, 'snapshot' | 'running'>;
  /** Absent for people without `audit.scan`. */
  startScan?: StartScan;
}) {
  const router = useRouter();
  const now = useNow(30_000);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  // The server render carries the state; the poller replaces it while a scan runs.
  const [scan, setScan] = useState<ScanState>({ latest: overview.running, current: null });
  // A scan just started: read its state before the next poll decides whether it still runs.
  const [awaitingStart, setAwaitingStart] = useState(false);
  const shownScanId = overview.snapshot?.scanId ?? null;
  const running = scan.latest?.status === 'running' ? scan.latest : null;
  const completedId = scan.current?.id ?? null;
  const onScanState = useCallback((state: ScanState) => {
    setScan(state);
    setAwaitingStart(false);
  }, []);
  useEffect(() => {
    if (completedId && completedId !== shownScanId) router.refresh();
  }, [completedId, shownScanId, router]);

  async function start() {
    if (!startScan) return;
    setStarting(true);
    setError(null);
    try {
      const result = await startScan({});
      if (!result.ok) setError(result.error);
      else setAwaitingStart(true);
    } finally {
      setStarting(false);
    }
  }

  const snapshot = overview.snapshot;
  return (
    <div
      className="space-y-2 text-sm text-slate-800"
      data-testid="overview-freshness"
      data-scan-id={snapshot?.scanId ?? ''}
    >
      {snapshot ? (
        <p>
          As of{' '}
          <strong data-testid="snapshot-age" suppressHydrationWarning>
            {ageInWords(snapshot.finishedAt, now)}
          </strong>{' '}
          (audit snapshot of <Timestamp iso={snapshot.finishedAt} />
          ).
          {snapshot.changesSince > 0 && (
            <>
              {' '}
              {plural(snapshot.changesSince, 'routing change')} made here since then{' '}
              {snapshot.changesSince === 1 ? 'is' : 'are'} not in it yet.
            </>
          )}
        </p>
      ) : (
        <p data-testid="no-snapshot">
          <strong>No audit snapshot yet.</strong> The overview is read from the latest scan of the whole
          fleet, so that opening it spends no Graph quota.{' '}
          {running ? '' : startScan ? 'Start the first scan:' : 'An operator can start the first scan.'}
        </p>
      )}
      {running && (
        <p aria-live="polite" data-testid="overview-scan-running">
          Scanning the fleet now: {count(running.numbersScanned)}
          {running.numbersTotal !== null &&
            ` of ${running.numbersTotalExact ? '' : '~'}${count(running.numbersTotal)}`}{' '}
          numbers. The figures update when it completes.
        </p>
      )}
      {(running || awaitingStart) && (
        <Suspense fallback={null}>
          <ScanPoller onState={onScanState} />
        </Suspense>
      )}
      {startScan && !running && (
        // A plain <button> with Button's styles: `Button` would bring tailwind-merge into the overview.
        <button
          type="button"
          className={buttonVariants({ variant: 'outline', size: 'sm' })}
          onClick={start}
          disabled={starting || awaitingStart}
        >
          <RefreshCw className="size-4" aria-hidden="true" />
          {snapshot ? 'Refresh now' : 'Scan the fleet now'}
        </button>
      )}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
