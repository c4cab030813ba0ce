/**
 * The audit's browser-side reads: query keys and fetchers for the route handlers under /api/audit. Reads go
 * through GET route handlers (cacheable by TanStack Query, pollable); changes go through server actions.
 */
import { type AuditFilter, auditFilterQuery } from '@/lib/audit/filter';
import type { AuditRowsPage, AuditScanView, BulkJobView, UrlGroups } from '@/lib/audit/types';

export interface ScanState {
  /** The most recent scan, whatever its state. */
  latest: AuditScanView | null;
  /** The most recent completed scan: the snapshot shown. */
  current: AuditScanView | null;
}

export const auditKeys = {
  all: ['audit'] as const,
  scan: () => [...auditKeys.all, 'scan'] as const,
  rows: (scanId: string, filter: AuditFilter, block: number) =>
    [...auditKeys.all, 'rows', scanId, auditFilterQuery(filter), block] as const,
  groups: (scanId: string, filter: AuditFilter) =>
    [...auditKeys.all, 'groups', scanId, auditFilterQuery(filter)] as const,
  bulkJob: (jobId: string) => [...auditKeys.all, 'bulk', jobId] as const,
};

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `The server answered ${res.status}.`);
  }
  return (await res.json()) as T;
}

export const fetchScanState = () => getJson<ScanState>('/api/audit/scan');

export function fetchRows(scanId: string, filter: AuditFilter, offset: number, limit: number) {
  const query = auditFilterQuery(filter, { scan: scanId, offset: String(offset), limit: String(limit) });
  return getJson<AuditRowsPage>(`/api/audit/rows?${query}`);
}

export function fetchGroups(scanId: string, filter: AuditFilter) {
  return getJson<UrlGroups>(`/api/audit/groups?${auditFilterQuery(filter, { scan: scanId })}`);
}

export const fetchBulkJob = (jobId: string) => getJson<BulkJobView>(`/api/audit/bulk/${jobId}`);

export function exportHref(scanId: string, filter: AuditFilter): string {
  const { sort: _sort, dir: _dir, ...selection } = filter;
  return `/api/audit/export?${auditFilterQuery(selection, { scan: scanId })}`;
}
