/**
 * The scan state's browser-side read, on its own so the overview's freshness line can poll it without
 * pulling the audit filter's rules (zod, nuqs) into the overview's first load.
 */
import type { AuditScanView } from '@/lib/audit/types';
import { getJson } from '@/lib/query/get-json';

export interface ScanState {
  /** The most recent scan, whatever its state. */
  latest: AuditScanView | null;
  /** The most recent completed scan: the snapshot shown. */
  current: AuditScanView | null;
}

export const fetchScanState = () => getJson<ScanState>('/api/audit/scan');
