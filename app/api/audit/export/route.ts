/**
 * GET /api/audit/export?scan=<id>&<filter>: the scan's matching rows as CSV, streamed from the database a batch
 * at a time (a 50,000-number fleet never sits in memory). `data.export` only; 401/403 JSON otherwise.
 */
import type { NextRequest } from 'next/server';
import { auditCsvHeader, auditCsvRows, getScan, walkSnapshots } from '@/lib/audit';
import { requireRoutePermission } from '@/lib/auth/session';
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
  const encoder = new TextEncoder();
  const batches = walkSnapshots(db, { scanId, filter });

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark so spreadsheet apps read the URLs and names as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${auditCsvHeader()}`));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(auditCsvRows(next.value)));
      } catch (error) {
        logger.error({ err: error }, 'audit export failed');
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  const stamp = scan.startedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  logger.info({ user: user.email, scanId, filter }, 'audit export');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="switchboard-audit-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
