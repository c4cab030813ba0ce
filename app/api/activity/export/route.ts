/**
 * GET /api/activity/export?<the /activity filters>: the matching change-log rows as CSV, newest first,
 * streamed in batches. Signed-in users with `data.export` only; 401/403 JSON otherwise. A date the filter
 * cannot use is a 400 with the sentence the page shows, and the query runs before any header is sent.
 */
import type { NextRequest } from 'next/server';
import { changeLogFilterErrors, parseChangeLogFilter, walkChangeLog } from '@/lib/activity';
import { requireRoutePermission } from '@/lib/auth/session';
import { csvResponse } from '@/lib/csv/csv-response';
import type { CsvColumns } from '@/lib/csv/stringify';
import type { ChangeLogRow } from '@/lib/db/schema';
import { logger } from '@/lib/log';

export const dynamic = 'force-dynamic';

const COLUMNS: CsvColumns<ChangeLogRow> = [
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
  const params = request.nextUrl.searchParams;
  const errors = Object.entries(changeLogFilterErrors(params));
  if (errors.length > 0) {
    return Response.json(
      {
        error: 'bad_request',
        message: errors.map(([field, message]) => `${field}: ${message}`).join(' '),
        fieldErrors: Object.fromEntries(errors.map(([field, message]) => [field, [message]])),
      },
      { status: 400, headers: { 'cache-control': 'no-store' } },
    );
  }
  const filter = parseChangeLogFilter(params);
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  // Debug: an export is a read, and the demo's terminal should not get a JSON line per click.
  logger.debug({ user: user.email, filter }, 'activity export');
  try {
    return await csvResponse({
      filename: `switchboard-activity-${stamp}.csv`,
      columns: COLUMNS,
      batches: walkChangeLog(filter),
      label: 'activity',
    });
  } catch (error) {
    logger.error({ err: error, filter }, 'activity export failed');
    return Response.json(
      { error: 'export_failed', message: 'The export could not be read from the database. Try again.' },
      { status: 500, headers: { 'cache-control': 'no-store' } },
    );
  }
}
