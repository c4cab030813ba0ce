import Link from 'next/link';
import { Timestamp } from '@/components/common/timestamp';
import { Table, TableBody, TableCell, TableRow } from '@/components/ui/table';
import type { ActivityEntry } from '@/lib/activity';
import { ActivityHeader, ActivityRow } from './activity-table';

type JobEntry = Extract<ActivityEntry, { kind: 'job' }>;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * "Bulk re-route of 40 numbers by x@y — 38 changed, 2 failed (Acme Helpdesk's route)": what a reader wants
 * before the rows. `appLabel`: the app whose route the job changed, when several apps are configured.
 */
export function bulkJobSentence(entry: JobEntry, appLabel?: string): string {
  const who = entry.job?.createdBy ?? entry.rows[0]?.actorEmail ?? 'someone';
  const size = entry.job?.total ?? entry.rows.length;
  const what =
    entry.job?.action === 'phone_override.clear'
      ? `Bulk clear of the phone override of ${plural(size, 'number')}`
      : `Bulk re-route of ${plural(size, 'number')}`;
  const app = appLabel ? ` (${appLabel}'s route)` : '';
  return `${what} by ${who} — ${entry.changed} changed, ${entry.failed} failed${app}`;
}

/**
 * A bulk job's change-log rows as one Activity entry: the sentence, then (on demand) each number's own row,
 * and the job's page with the before → after of every number.
 */
export function BulkJobEntry({
  entry,
  names,
  appLabels,
}: {
  entry: JobEntry;
  names: Record<string, string>;
  /** Configured apps' labels by id; empty with one app, where naming it says nothing. */
  appLabels: Record<string, string>;
}) {
  const newest = entry.rows[0];
  // Every row of a job is written as the job's one app.
  const appId = newest?.appId;
  const appLabel = appId
    ? (appLabels[appId] ?? (Object.keys(appLabels).length ? `App ${appId}` : undefined))
    : undefined;
  return (
    <TableRow data-testid="activity-job" data-job-id={entry.jobId}>
      <TableCell className="align-top whitespace-nowrap text-xs">
        {newest && <Timestamp iso={newest.at.toISOString()} />}
      </TableCell>
      <TableCell colSpan={4} className="space-y-2">
        <details>
          <summary className="cursor-pointer text-sm text-slate-900" data-testid="activity-job-summary">
            {bulkJobSentence(entry, appLabel)}
            <span className="sr-only"> (show its {plural(entry.rows.length, 'change')})</span>
          </summary>
          <div className="relative mt-2 overflow-x-auto">
            <Table data-testid="activity-job-rows">
              <ActivityHeader />
              <TableBody>
                {entry.rows.map((row) => (
                  <ActivityRow key={row.id} row={row} names={names} />
                ))}
              </TableBody>
            </Table>
          </div>
        </details>
        <Link
          href={`/audit/bulk/${entry.jobId}`}
          className="text-xs text-blue-800 underline underline-offset-2"
          data-testid="activity-job-link"
        >
          Open the bulk job
        </Link>
      </TableCell>
    </TableRow>
  );
}
