import type { ReactNode } from 'react';
import { TierBadge } from '@/components/routing/tier-badge';
import type { SortKey } from '@/lib/audit/filter';
import type { AuditRow } from '@/lib/audit/types';
import { DriftMarker } from './drift-marker';

export interface AuditColumn {
  id: string;
  header: string;
  /** Width of the column (a fixed table layout keeps rows one height, which virtualisation needs). */
  width: string;
  sort?: SortKey;
  cell: (row: AuditRow) => ReactNode;
}

function Url({ value }: { value: string | null }) {
  if (!value) return <span className="text-slate-600">—</span>;
  return (
    <span className="block truncate font-mono text-xs" title={value}>
      {value}
    </span>
  );
}

// Plain anchors, not next/link: a Link prefetches when it enters the viewport or the pointer passes over it,
// and rows stream past both while the table scrolls — that would fetch a page per row.

/**
 * The audit's columns. Sorting, filtering and paging happen on the server (the snapshot table), so columns only
 * say how to render a row and which server sort key a header toggles.
 */
export const AUDIT_COLUMNS: AuditColumn[] = [
  {
    id: 'number',
    header: 'Number',
    width: '11rem',
    sort: 'number',
    cell: (row) => (
      <div className="min-w-0">
        <a
          href={`/numbers/${row.phoneNumberId}`}
          className="block truncate text-blue-800 underline underline-offset-2"
        >
          {row.displayPhoneNumber ?? row.phoneNumberId}
        </a>
        <span className="block truncate text-xs text-slate-700">{row.verifiedName ?? row.phoneNumberId}</span>
      </div>
    ),
  },
  {
    id: 'waba',
    header: 'WABA',
    width: '12rem',
    sort: 'waba',
    cell: (row) => (
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
  },
  { id: 'phone', header: 'Phone override', width: '13rem', cell: (row) => <Url value={row.phoneTier} /> },
  { id: 'waba-tier', header: 'WABA override', width: '13rem', cell: (row) => <Url value={row.wabaTier} /> },
  { id: 'app', header: 'App callback', width: '13rem', cell: (row) => <Url value={row.appTier} /> },
  {
    id: 'winner',
    header: 'Winner',
    width: '12rem',
    sort: 'winner',
    cell: (row) => <TierBadge tier={row.winner} />,
  },
  {
    id: 'url',
    header: 'Effective URL',
    width: '16rem',
    sort: 'url',
    cell: (row) => <Url value={row.effectiveUrl} />,
  },
  {
    id: 'subscribed',
    header: 'Subscribed',
    width: '7rem',
    cell: (row) => (row.subscribed ? <span>Yes</span> : <span className="font-medium text-red-800">No</span>),
  },
  {
    id: 'drift',
    header: 'Since last scan',
    width: '14rem',
    cell: (row) => <DriftMarker changed={row.changed} drift={row.drift} previous={row.previous} />,
  },
];
