/** GET /api/audit/groups?scan=<id>&<filter>: how many numbers land on each effective URL. */
import type { NextRequest } from 'next/server';
import { urlGroups } from '@/lib/audit';
import { requireRoutePermission } from '@/lib/auth/session';
import { getAuditEnv } from '@/lib/server';
import { badRequest, NO_STORE, parseAuditQuery } from '../params';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const user = await requireRoutePermission('data.read');
  if (user instanceof Response) return user;
  const { scanId, filter } = parseAuditQuery(request.nextUrl.searchParams);
  if (!scanId) return badRequest('scan must be a scan id');
  const { db } = await getAuditEnv();
  return Response.json(await urlGroups(db, { scanId, filter }), { headers: NO_STORE });
}
