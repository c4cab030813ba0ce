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
import type { ChangeLogRow } from '@/lib/db/schema';
import { ChangeDetails } from './change-details';
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

/** Change-log rows. `compact` drops the target column (per-target history, where it is always the same). */
export function ActivityTable({
  rows,
  caption,
  compact = false,
}: {
  rows: ChangeLogRow[];
  caption: string;
  compact?: boolean;
}) {
  return (
    <Table data-testid="activity-table">
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Who</TableHead>
          <TableHead>Action</TableHead>
          {!compact && <TableHead>Target</TableHead>}
          <TableHead>Outcome</TableHead>
          <TableHead>Details</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="activity-row">
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
            <TableCell className="font-mono text-xs">{row.action}</TableCell>
            {!compact && (
              <TableCell>
                <TargetLink targetType={row.targetType} targetId={row.targetId} label={targetLabel(row)} />
              </TableCell>
            )}
            <TableCell>
              <OutcomeBadge outcome={row.outcome} />
            </TableCell>
            <TableCell>
              <ChangeDetails row={row} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
