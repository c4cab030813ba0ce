/** GET /api/audit/bulk/<jobId>: a bulk job's progress, counts and per-number outcomes (polled by its page). */
import { z } from 'zod';
import { getBulkJob } from '@/lib/audit';
import { requireRoutePermission } from '@/lib/auth/session';
import { getAuditEnv } from '@/lib/server';
import { NO_STORE } from '../../params';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const user = await requireRoutePermission('data.read');
  if (user instanceof Response) return user;
  const jobId = z.uuid().safeParse((await params).jobId);
  if (!jobId.success) return Response.json({ error: 'not_found' }, { status: 404, headers: NO_STORE });
  const { db } = await getAuditEnv();
  const job = await getBulkJob(db, jobId.data);
  if (!job) return Response.json({ error: 'not_found' }, { status: 404, headers: NO_STORE });
  return Response.json(job, { headers: NO_STORE });
}
