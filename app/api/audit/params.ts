/** Query parameters shared by the audit route handlers: which scan, the filter, and a row window. */
import 'server-only';
import { z } from 'zod';
import { type AuditFilter, parseAuditFilter } from '@/lib/audit/filter';

export const NO_STORE = { 'cache-control': 'no-store' } as const;
export const MAX_ROWS_PER_REQUEST = 500;

const scanId = z.uuid();

export interface AuditQuery {
  scanId: string | null;
  filter: AuditFilter;
}

export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const parsed = scanId.safeParse(params.get('scan'));
  return { scanId: parsed.success ? parsed.data : null, filter: parseAuditFilter(params) };
}

export function parseWindow(params: URLSearchParams): { offset: number; limit: number } {
  const offset = Number(params.get('offset'));
  const limit = Number(params.get('limit'));
  return {
    offset: Number.isInteger(offset) && offset >= 0 ? offset : 0,
    limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_ROWS_PER_REQUEST) : 100,
  };
}

export function badRequest(message: string): Response {
  return Response.json({ error: 'bad_request', message }, { status: 400, headers: NO_STORE });
}
