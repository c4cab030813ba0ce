import Link from 'next/link';
import { Timestamp } from '@/components/common/timestamp';
import { Table, TableBody, TableCell, TableRow } from '@/components/ui/table';
import type { ActivityEntry } from '@/lib/activity';
import { ActivityHeader, ActivityRow } from './activity-table';

type JobEntry = Extract<ActivityEntry, { kind: 'job' }>;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Bulk re-route of 40 numbers by x@y — 38 changed, 2 failed": what a reader wants before the rows. */
export function bulkJobSentence(entry: JobEntry): string {
  const who = entry.job?.createdBy ?? entry.rows[0]?.actorEmail ?? 'someone';
  const size = entry.job?.total ?? entry.rows.length;
  const what =
    entry.job?.action === 'phone_override.clear'
      ? `Bulk clear of the phone override of ${plural(size, 'number')}`
      : `Bulk re-route of ${plural(size, 'number')}`;
  return `${what} by ${who} — ${entry.changed} changed, ${entry.failed} failed`;
}

/**
 * A bulk job's change-log rows as one Activity entry: the sentence, then (on demand) each number's own row,
 * and the job's page with the before → after of every number.
 */
export function BulkJobEntry({ entry, names }: { entry: JobEntry; names: Record<string, string> }) {
  const newest = entry.rows[0];
  return (
    <TableRow data-testid="activity-job" data-job-id={entry.jobId}>
      <TableCell className="align-top whitespace-nowrap text-xs">
        {newest && <Timestamp iso={newest.at.toISOString()} />}
      </TableCell>
      <TableCell colSpan={4} className="space-y-2">
        <details>
          <summary className="cursor-pointer text-sm text-slate-900" data-testid="activity-job-summary">
            {bulkJobSentence(entry)}
            <span className="sr-only"> (show its {plural(entry.rows.length, 'change')})</span>
          </summary>
          <div className="mt-2 overflow-x-auto">
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
