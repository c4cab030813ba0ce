import Link from 'next/link';
import { Timestamp } from '@/components/common/timestamp';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import type { ActivityEntry } from '@/lib/activity';
import type { ChangeLogRow } from '@/lib/db/schema';
import { BulkJobEntry } from './bulk-job-entry';
import { ChangeDetails } from './change-details';
import { changeSentence, urlChange } from './describe-change';
import { OutcomeBadge } from './outcome-badge';
import { TargetLink } from './target-link';

/** Users are named by email in their recorded state; their ids mean nothing to a reader. */
function targetLabel(row: ChangeLogRow): string | undefined {
  if (row.targetType !== 'user') return undefined;
  for (const state of [row.after, row.requested, row.before]) {
    if (state && typeof state === 'object' && 'email' in state && typeof state.email === 'string')
      return state.email;
  }
  return undefined;
}

function UrlDiff({ before, after }: { before: string | null; after: string | null }) {
  const none = <span className="font-sans italic text-slate-700">none</span>;
  return (
    <p className="font-mono text-xs break-words" data-testid="activity-url-diff">
      <span className="sr-only">URL before: </span>
      <del className="text-red-800 decoration-red-400" data-testid="activity-url-before">
        {before ?? none}
      </del>
      <span aria-hidden="true" className="px-1 font-sans text-slate-600">
        →
      </span>
      <span className="sr-only"> after: </span>
      <ins className="text-emerald-800 no-underline" data-testid="activity-url-after">
        {after ?? none}
      </ins>
    </p>
  );
}

/** One change-log row of the Activity table (also the rows inside a bulk job's entry). */
/** The change log's columns: the page's table and a bulk job's rows inside it read alike. */
export function ActivityHeader() {
  return (
    <TableHeader>
      <TableRow>
        <TableHead>When</TableHead>
        <TableHead>Who</TableHead>
        <TableHead>Change</TableHead>
        <TableHead>Outcome</TableHead>
        <TableHead>Details</TableHead>
      </TableRow>
    </TableHeader>
  );
}

export function ActivityRow({
  row,
  compact = false,
  names = {},
}: {
  row: ChangeLogRow;
  compact?: boolean;
  names?: Record<string, string>;
}) {
  return (
    <TableRow data-testid="activity-row">
      <TableCell className="whitespace-nowrap text-xs">
        <Timestamp iso={row.at.toISOString()} />
      </TableCell>
      <TableCell className="text-xs">
        <Link
          href={`/activity?actor=${encodeURIComponent(row.actorEmail)}`}
          className="underline decoration-slate-400 underline-offset-2"
        >
          {row.actorEmail}
        </Link>
      </TableCell>
      <TableCell className="min-w-80 space-y-1">
        <p className="text-sm break-words text-slate-900" data-testid="activity-sentence">
          {changeSentence(row, targetLabel(row) ?? names[row.targetId])}
        </p>
        {(() => {
          const diff = urlChange(row);
          return diff && diff.before !== diff.after ? <UrlDiff {...diff} /> : null;
        })()}
        <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-700">
          <code className="font-mono">{row.action}</code>
          {!compact && (
            <TargetLink targetType={row.targetType} targetId={row.targetId} label={targetLabel(row)} />
          )}
        </p>
      </TableCell>
      <TableCell>
        <OutcomeBadge outcome={row.outcome} />
      </TableCell>
      <TableCell>
        <ChangeDetails row={row} />
      </TableCell>
    </TableRow>
  );
}

/**
 * Change-log rows, each as a sentence naming the target, the URL's before → after, and the raw record one click
 * away. `names`: numbers and WABAs by id, as a person knows them. `compact` leaves the target out of the second
 * line (per-target history, where it is always the same). `entries` (the Activity page) shows a bulk job's
 * rows as one expandable entry instead.
 */
export function ActivityTable({
  rows = [],
  entries,
  caption,
  compact = false,
  names = {},
  appLabels = {},
}: {
  rows?: ChangeLogRow[];
  entries?: ActivityEntry[];
  caption: string;
  compact?: boolean;
  names?: Record<string, string>;
  /** Configured apps' labels by id, so a bulk job's entry names the app whose route it changed. */
  appLabels?: Record<string, string>;
}) {
  return (
    <Table data-testid="activity-table">
      <TableCaption>{caption}</TableCaption>
      <ActivityHeader />
      <TableBody>
        {(entries ?? rows.map((row): ActivityEntry => ({ kind: 'change', row }))).map((entry) =>
          entry.kind === 'change' ? (
            <ActivityRow key={entry.row.id} row={entry.row} compact={compact} names={names} />
          ) : (
            <BulkJobEntry key={entry.jobId} entry={entry} names={names} appLabels={appLabels} />
          ),
        )}
      </TableBody>
    </Table>
  );
}
