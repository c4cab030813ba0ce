/**
 * GET /api/audit/export?scan=<id>&<filter>: the scan's matching rows as CSV, streamed from the database a batch
 * at a time. `data.export` only; 401/403 JSON otherwise; a bad scan id is a 400 before any CSV is sent.
 */
import type { NextRequest } from 'next/server';
import { AUDIT_CSV_COLUMNS, getScan, walkSnapshots } from '@/lib/audit';
import { requireRoutePermission } from '@/lib/auth/session';
import { csvResponse } from '@/lib/csv/csv-response';
import { logger } from '@/lib/log';
import { getAuditEnv } from '@/lib/server';
import { badRequest, parseAuditQuery } from '../params';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const user = await requireRoutePermission('data.export');
  if (user instanceof Response) return user;
  const { scanId, filter } = parseAuditQuery(request.nextUrl.searchParams);
  if (!scanId) return badRequest('scan must be a scan id');
  const { db } = await getAuditEnv();
  const scan = await getScan(db, scanId);
  if (!scan) return badRequest('no such scan');
  const stamp = scan.startedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  // Debug: an export is a read, and the demo's terminal should not get a JSON line per click.
  logger.debug({ user: user.email, scanId, filter }, 'audit export');
  return csvResponse({
    filename: `switchboard-audit-${stamp}.csv`,
    columns: AUDIT_CSV_COLUMNS,
    batches: walkSnapshots(db, { scanId, filter }),
    label: 'audit',
  });
}
