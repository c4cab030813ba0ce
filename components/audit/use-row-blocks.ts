'use client';

import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { AuditFilter } from '@/lib/audit/filter';
import type { AuditRow } from '@/lib/audit/types';
import { auditKeys } from '@/lib/query/keys';
import { fetchRows } from './audit-api';

/** Rows are fetched in blocks; only the blocks around what is on screen are loaded. */
export const ROW_BLOCK = 200;

/**
 * Random-access rows of one snapshot: block 0 (which also gives the total), plus the blocks covering the visible
 * range. Jumping to the end of 50,000 rows loads the last blocks, not everything in between. A completed
 * snapshot never changes, so blocks stay fresh until the scan id changes.
 */
function useFirstBlock(scanId: string, filter: AuditFilter) {
  return useQuery({
    queryKey: auditKeys.rows(scanId, filter, 0),
    queryFn: () => fetchRows(scanId, filter, 0, ROW_BLOCK),
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
}

/** How many rows match: what the virtualiser needs before it can say which rows are on screen. */
export function useRowCount(scanId: string, filter: AuditFilter): number {
  return useFirstBlock(scanId, filter).data?.total ?? 0;
}

export function useRowBlocks(scanId: string, filter: AuditFilter, visible: { start: number; end: number }) {
  const first = useFirstBlock(scanId, filter);
  const from = Math.floor(visible.start / ROW_BLOCK);
  const to = Math.floor(Math.max(visible.end, visible.start) / ROW_BLOCK);
  const wanted = Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((b) => b > 0);
  const blocks = useQueries({
    queries: wanted.map((block) => ({
      queryKey: auditKeys.rows(scanId, filter, block),
      queryFn: () => fetchRows(scanId, filter, block * ROW_BLOCK, ROW_BLOCK),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const loaded = new Map<number, AuditRow[]>();
  if (first.data && !first.isPlaceholderData) loaded.set(0, first.data.rows);
  wanted.forEach((block, i) => {
    const rows = blocks[i]?.data?.rows;
    if (rows) loaded.set(block, rows);
  });
  return {
    total: first.data?.total ?? 0,
    /** The previous filter's total is shown while the new one loads. */
    updating: first.isPlaceholderData || first.isFetching,
    error: first.error ?? blocks.find((b) => b.error)?.error ?? null,
    isLoading: first.isLoading,
    rowAt: (index: number): AuditRow | undefined =>
      loaded.get(Math.floor(index / ROW_BLOCK))?.[index % ROW_BLOCK],
  };
}
