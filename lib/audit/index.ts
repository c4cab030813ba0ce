/** The fleet audit's server API: what pages, route handlers and server actions call. Server-only. */
import 'server-only';

export { getBulkJob, recentBulkJobs } from './bulk/jobs';
export {
  type BulkPreview,
  type BulkSelection,
  type BulkStartResult,
  previewBulk,
  retryBulkJob,
  startBulkReroute,
} from './bulk/start';
export { AUDIT_CSV_COLUMNS, auditCsvHeader, auditCsvRows } from './csv';
export type { AuditEnv } from './env';
export { type DriftSummary, driftSummary, numberDrift, type RouteHistory, routeHistory } from './history';
export { listSnapshots, urlGroups, walkSnapshots } from './queries';
export { type StartedScan, startAuditScan } from './scan-job';
export { getScan, latestCompletedScan, latestScan } from './scans';
export { targetNames } from './target-names';
