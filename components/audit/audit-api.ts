/**
 * The audit's browser-side reads: fetchers for the route handlers under /api/audit (keys: lib/query/keys.ts).
 * Reads go through GET route handlers (cacheable by TanStack Query, pollable); changes go through server actions.
 */
import { type AuditFilter, auditFilterQuery } from '@/lib/audit/filter';
import type { AuditRowsPage, BulkJobView, UrlGroups } from '@/lib/audit/types';
import { getJson } from '@/lib/query/get-json';

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
