import { createColumnHelper, rowExpandingFeature, tableFeatures } from '@tanstack/react-table';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { VerdictBadge } from '@/components/doctor/check-status';
import { TierBadge } from '@/components/routing/tier-badge';
import { TruncatedText } from '@/components/ui/truncated-text';
import type { SortKey } from '@/lib/audit/filter';
import type { AuditRow } from '@/lib/audit/types';
import { CHECK_LABELS } from '@/lib/doctor/verdict';
import { DriftMarker } from './drift-marker';

export interface AuditColumnMeta {
  /** Width of the column (a fixed table layout keeps rows one height, which virtualisation needs). */
  width: string;
  /** The server sort key the header toggles (sorting, filtering and paging happen on the server). */
  sort?: SortKey;
  /** Stays in view when the table scrolls sideways. */
  sticky?: boolean;
}

/**
 * Expanding only (a row's detail row with every URL in full): the rows arrive sorted and filtered from the
 * snapshot table, so the table does no sorting or filtering of its own.
 */
export const auditFeatures = tableFeatures({ rowExpandingFeature, columnMeta: {} as AuditColumnMeta });

const column = createColumnHelper<typeof auditFeatures, AuditRow>();

function Url({ value }: { value: string | null }) {
  if (!value) return <span className="text-slate-600">—</span>;
  return <TruncatedText value={value} className="font-mono text-xs" />;
}

/** A row's identity: a scan has one row per number and app. */
export function auditRowKey(row: Pick<AuditRow, 'phoneNumberId' | 'appId'>): string {
  return row.appId ? `${row.phoneNumberId}-${row.appId}` : row.phoneNumberId;
}

/** The id of a row's detail row, which its toggle controls. */
export function detailRowId(rowKey: string): string {
  return `audit-detail-${rowKey}`;
}

function NumberName({ row }: { row: AuditRow }) {
  return (
    <div className="min-w-0">
      <a
        // The number page acting as the row's app: its tiers and forms are that app's.
        href={`/numbers/${row.phoneNumberId}${row.appId ? `?${new URLSearchParams({ app: row.appId })}` : ''}`}
        className="block truncate text-blue-800 underline underline-offset-2"
      >
        {row.displayPhoneNumber ?? row.phoneNumberId}
      </a>
      <span className="block truncate text-xs text-slate-700">{row.verifiedName ?? row.phoneNumberId}</span>
    </div>
  );
}

// Plain anchors, not next/link: a Link prefetches when it enters the viewport or the pointer passes over it,
// and rows stream past both while the table scrolls — that would fetch a page per row.

/**
 * The audit's columns, in the order an admin reads them: the number, where it resolves (winner, effective URL,
 * change since the last scan), then the three tiers that explain it, then the WABA. At 1366 px the first four fit
 * without scrolling sideways; the number column stays put when the rest scrolls.
 */
export const AUDIT_COLUMNS = column.columns([
  column.display({
    id: 'number',
    header: 'Number',
    meta: { width: '12rem', sort: 'number', sticky: true },
    cell: ({ row: tableRow }) => {
      const row = tableRow.original;
      const expanded = tableRow.getIsExpanded();
      const Icon = expanded ? ChevronDown : ChevronRight;
      return (
        <div className="flex min-w-0 items-center gap-1">
          <button
            type="button"
            className="-ml-1 shrink-0 rounded p-0.5 text-slate-700 hover:bg-slate-200"
            aria-expanded={expanded}
            aria-controls={detailRowId(auditRowKey(row))}
            aria-label={`Details of ${row.displayPhoneNumber ?? row.phoneNumberId}${row.appLabel ? ` for ${row.appLabel}` : ''}`}
            onClick={() => tableRow.toggleExpanded()}
          >
            <Icon className="size-4" aria-hidden="true" />
          </button>
          <NumberName row={row} />
        </div>
      );
    },
  }),
  column.accessor('winner', {
    header: 'Winner',
    meta: { width: '12.5rem', sort: 'winner' },
    cell: (info) => <TierBadge tier={info.getValue()} />,
  }),
  column.accessor('effectiveUrl', {
    id: 'url',
    header: 'Effective URL',
    meta: { width: '16rem', sort: 'url' },
    cell: (info) => <Url value={info.getValue()} />,
  }),
  column.display({
    id: 'verdict',
    header: 'Delivery',
    meta: { width: '11rem' },
    cell: ({ row: { original: row } }) =>
      row.verdict ? (
        <div className="min-w-0" data-testid="audit-verdict" data-verdict={row.verdict}>
          <VerdictBadge verdict={row.verdict} />
          {row.firstProblem && (
            <span className="block truncate text-xs text-slate-700">{CHECK_LABELS[row.firstProblem]}</span>
          )}
        </div>
      ) : (
        // Scans from before delivery was checked have no verdict.
        <span className="text-slate-600">—</span>
      ),
  }),
  column.display({
    id: 'drift',
    header: 'Since last scan',
    meta: { width: '13.5rem' },
    cell: ({ row: { original: row } }) => (
      <DriftMarker changed={row.changed} drift={row.drift} previous={row.previous} />
    ),
  }),
  // After the route (the 1366 px layout keeps number, winner, URL and change on screen): whose route it is.
  column.display({
    id: 'app',
    header: 'App',
    meta: { width: '10rem' },
    cell: ({ row: { original: row } }) =>
      row.appLabel || row.appId ? (
        <div className="min-w-0" data-testid="audit-app" data-app-id={row.appId ?? undefined}>
          <span className="block truncate">{row.appLabel ?? row.appId}</span>
          {row.appLabel && row.appId && (
            <span className="block truncate text-xs text-slate-700">{row.appId}</span>
          )}
        </div>
      ) : (
        // Snapshots from before several apps were scanned do not name theirs.
        <span className="text-slate-600">—</span>
      ),
  }),
  column.accessor('phoneTier', {
    id: 'phone',
    header: 'Phone override',
    meta: { width: '13rem' },
    cell: (info) => <Url value={info.getValue()} />,
  }),
  column.accessor('wabaTier', {
    id: 'waba-tier',
    header: 'WABA override',
    meta: { width: '13rem' },
    cell: (info) => <Url value={info.getValue()} />,
  }),
  column.accessor('appTier', {
    id: 'app-tier',
    header: 'App callback',
    meta: { width: '13rem' },
    cell: (info) => <Url value={info.getValue()} />,
  }),
  column.accessor('subscribed', {
    header: 'Subscribed',
    meta: { width: '7rem' },
    cell: (info) =>
      info.getValue() ? <span>Yes</span> : <span className="font-medium text-red-800">No</span>,
  }),
  column.display({
    id: 'waba',
    header: 'WABA',
    meta: { width: '12rem', sort: 'waba' },
    cell: ({ row: { original: row } }) => (
      <div className="min-w-0">
        <a
          href={`/wabas/${row.wabaId}`}
          className="block truncate text-blue-800 underline underline-offset-2"
        >
          {row.wabaName ?? row.wabaId}
        </a>
        <span className="block truncate text-xs text-slate-700">
          {row.ownership === 'client' ? 'Client · ' : ''}
          {row.wabaId}
        </span>
      </div>
    ),
  }),
]);
