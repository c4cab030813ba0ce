/**
 * The audit as CSV (RFC 4180), safe to open in a spreadsheet: a cell that a spreadsheet would read as a formula
 * (starting with = + - @, tab or carriage return) is prefixed with an apostrophe, so a callback URL or a WABA name
 * someone else typed cannot run in the reader's Excel (OWASP "CSV injection").
 */
import type { RouteSnapshotRow } from '@/lib/db/schema';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text.startsWith("'") ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export const AUDIT_CSV_COLUMNS: ReadonlyArray<[string, (row: RouteSnapshotRow) => unknown]> = [
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
];

export function auditCsvHeader(): string {
  return csvRow(AUDIT_CSV_COLUMNS.map(([name]) => name));
}

export function auditCsvRows(rows: readonly RouteSnapshotRow[]): string {
  return rows.map((row) => csvRow(AUDIT_CSV_COLUMNS.map(([, get]) => get(row)))).join('');
}
