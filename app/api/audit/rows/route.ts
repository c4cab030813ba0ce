/** GET /api/audit/rows?scan=<id>&<filter>&offset=&limit=: one window of a scan's rows, filtered and sorted. */
import type { NextRequest } from 'next/server';
import { listSnapshots } from '@/lib/audit';
import { MatchCounts } from '@/lib/audit/match-counts';
import { requireRoutePermission } from '@/lib/auth/session';
import { getAuditEnv } from '@/lib/server';
import { badRequest, NO_STORE, parseAuditQuery, parseWindow } from '../params';

export const dynamic = 'force-dynamic';

/** Totals of completed scans per filter, for this process: each block after the first, and each re-sort, skips the count. */
const counts = new MatchCounts();

export async function GET(request: NextRequest) {
  const user = await requireRoutePermission('data.read');
  if (user instanceof Response) return user;
  const params = request.nextUrl.searchParams;
  const { scanId, filter } = parseAuditQuery(params);
  if (!scanId) return badRequest('scan must be a scan id');
  const { db } = await getAuditEnv();
  const page = await listSnapshots(db, { scanId, filter, ...parseWindow(params) }, counts);
  return Response.json(page, { headers: NO_STORE });
}
