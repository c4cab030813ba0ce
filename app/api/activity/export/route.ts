/**
 * GET /api/activity/export?<the /activity filters>: the matching change-log rows as CSV, newest first,
 * streamed in batches. Signed-in users with `data.export` only; 401/403 JSON otherwise.
 */
import type { NextRequest } from 'next/server';
import { parseChangeLogFilter, walkChangeLog } from '@/lib/activity';
import { requireRoutePermission } from '@/lib/auth/session';
import type { ChangeLogRow } from '@/lib/db/schema';
import { logger } from '@/lib/log';
import { csvRow } from './csv';

export const dynamic = 'force-dynamic';

const COLUMNS: [string, (row: ChangeLogRow) => unknown][] = [
  ['at', (r) => r.at],
  ['actor', (r) => r.actorEmail],
  ['action', (r) => r.action],
  ['target_type', (r) => r.targetType],
  ['target_id', (r) => r.targetId],
  ['outcome', (r) => r.outcome],
  ['error_code', (r) => r.errorCode],
  ['fbtrace_id', (r) => r.fbtraceId],
  ['message', (r) => r.message],
  ['before', (r) => r.before],
  ['requested', (r) => r.requested],
  ['after', (r) => r.after],
];

export async function GET(request: NextRequest) {
  const user = await requireRoutePermission('data.export');
  if (user instanceof Response) return user;
  const filter = parseChangeLogFilter(request.nextUrl.searchParams);
  const encoder = new TextEncoder();
  const rows = walkChangeLog(filter);

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(COLUMNS.map(([name]) => name))));
    },
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) return controller.close();
        controller.enqueue(
          encoder.encode(next.value.map((r) => csvRow(COLUMNS.map(([, get]) => get(r)))).join('')),
        );
      } catch (error) {
        logger.error({ err: error }, 'activity export failed');
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });

  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  logger.info({ user: user.email, filter }, 'activity export');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="switchboard-activity-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
