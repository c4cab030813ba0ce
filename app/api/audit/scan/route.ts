/**
 * GET /api/audit/scan: the latest scan (whatever its state: what the progress bar follows) and the latest
 * completed one (the snapshot the table shows). Polled while a scan runs; answered from the database, so any
 * instance reports a scan another instance is running.
 */
import { latestCompletedScan, latestScan } from '@/lib/audit';
import { requireRoutePermission } from '@/lib/auth/session';
import { getAuditEnv } from '@/lib/server';
import { NO_STORE } from '../params';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await requireRoutePermission('data.read');
  if (user instanceof Response) return user;
  const { db } = await getAuditEnv();
  const [latest, current] = await Promise.all([latestScan(db), latestCompletedScan(db)]);
  return Response.json({ latest, current }, { headers: NO_STORE });
}
