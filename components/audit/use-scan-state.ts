'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { auditKeys } from '@/lib/query/keys';
import { fetchScanState, type ScanState } from './scan-state-api';

/** Polled every second while a scan runs (in any instance), idle otherwise. */
export const SCAN_POLL_MS = 1_000;

/**
 * The scan state, hydrated from the server render and polled while a scan runs. When a scan completes, the
 * rows and groups of the previous snapshot are dropped so the table shows the new one.
 */
export function useScanState(initial: ScanState) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: auditKeys.scan(),
    queryFn: fetchScanState,
    initialData: initial,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.latest?.status === 'running' ? SCAN_POLL_MS : false),
    refetchIntervalInBackground: true,
  });
  const currentId = query.data.current?.id ?? null;
  const seen = useRef(currentId);
  useEffect(() => {
    if (seen.current !== currentId) {
      seen.current = currentId;
      void client.invalidateQueries({ queryKey: auditKeys.allRows() });
      void client.invalidateQueries({ queryKey: auditKeys.allGroups() });
    }
  }, [client, currentId]);
  return query;
}
