/** The audit's CSV columns, one line per number and app; cells are written (and defused against formula injection) by lib/csv. */
import { type CsvColumns, csvHeader, csvRecords } from '@/lib/csv/stringify';
import type { RouteSnapshotRow } from '@/lib/db/schema';

export const AUDIT_CSV_COLUMNS: CsvColumns<RouteSnapshotRow> = [
  ['snapshot_at', (r) => r.at],
  ['phone_number_id', (r) => r.phoneNumberId],
  ['display_phone_number', (r) => r.displayPhoneNumber],
  ['verified_name', (r) => r.verifiedName],
  ['waba_id', (r) => r.wabaId],
  ['waba_name', (r) => r.wabaName],
  ['business_id', (r) => r.businessId],
  ['ownership', (r) => r.ownership],
  ['phone_number_tier', (r) => r.phoneTier],
  ['waba_tier', (r) => r.wabaTier],
  ['application_tier', (r) => r.appTier],
  ['winner', (r) => r.winner ?? 'none'],
  ['effective_url', (r) => r.effectiveUrl],
  ['subscribed', (r) => r.subscribed],
  ['changed', (r) => r.changed],
  ['changed_outside_switchboard', (r) => r.drift],
  // Empty for snapshots of scans that did not check delivery.
  ['verdict', (r) => r.verdict],
  ['first_problem', (r) => r.firstProblem],
  // Last, so spreadsheets built on the earlier columns keep their positions. Empty on snapshots from before
  // several apps were scanned.
  ['app_id', (r) => r.appId],
  ['app', (r) => r.appLabel ?? r.appId],
];

export function auditCsvHeader(): string {
  return csvHeader(AUDIT_CSV_COLUMNS);
}

export function auditCsvRows(rows: readonly RouteSnapshotRow[]): string {
  return csvRecords(AUDIT_CSV_COLUMNS, rows);
}
