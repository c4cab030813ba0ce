'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchScanState, type ScanState } from '@/components/audit/scan-state-api';
import { QueryProvider } from '@/components/common/query-provider';
import { overviewKeys } from '@/lib/query/keys';

const POLL_MS = 1_000;

function Poll({ onState }: { onState: (state: ScanState) => void }) {
  const scan = useQuery({
    queryKey: overviewKeys.scan(),
    queryFn: fetchScanState,
    // Dropped once nothing polls, so the next scan starts from a fresh read, not a finished scan's state.
    gcTime: 0,
    refetchInterval: (q) => (q.state.data && q.state.data.latest?.status !== 'running' ? false : POLL_MS),
  });
  useEffect(() => {
    if (scan.data) onState(scan.data);
  }, [scan.data, onState]);
  return null;
}

/**
 * Reads the scan state now and every second while a scan runs, and hands each read to the freshness line. In
 * its own chunk (with TanStack Query): the overview loads it only while a scan runs or one is being started.
 */
export function ScanPoller({ onState }: { onState: (state: ScanState) => void }) {
  return (
    <QueryProvider>
      <Poll onState={onState} />
    </QueryProvider>
  );
}
