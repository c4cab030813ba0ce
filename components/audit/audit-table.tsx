'use client';

import { type Row, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { Fragment, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { cn } from '@/components/ui/cn';
import type { AuditFilter, SortKey } from '@/lib/audit/filter';
import type { AuditRow } from '@/lib/audit/types';
import {
  AUDIT_COLUMNS,
  type AuditColumnMeta,
  auditFeatures,
  auditRowKey,
  detailRowId,
} from './audit-columns';
import { AuditRowDetail } from './audit-row-detail';
import { count } from './format';
import { useRowBlocks, useRowCount } from './use-row-blocks';

const ROW_HEIGHT = 52;
/** Roughly what a detail row takes; the virtualiser only needs it to size the scroll area. */
const DETAIL_HEIGHT = 132;

/** The sticky number column needs an opaque background and a stacking order above the cells it covers. */
function cellClass(meta: AuditColumnMeta | undefined, base: string): string {
  return cn(base, meta?.sticky && 'sticky left-0 z-[1] border-r border-slate-200 bg-inherit');
}

function SortButton({
  label,
  sort,
  filter,
  onSort,
}: {
  label: string;
  sort: SortKey;
  filter: AuditFilter;
  onSort: (sort: SortKey, dir: 'asc' | 'desc') => void;
}) {
  const active = (filter.sort ?? 'waba') === sort;
  const dir = active ? (filter.dir ?? 'asc') : null;
  const Icon = dir === 'asc' ? ArrowUp : dir === 'desc' ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1 uppercase hover:text-slate-950"
      onClick={() => onSort(sort, dir === 'asc' ? 'desc' : 'asc')}
    >
      {label}
      <Icon className="size-3" aria-hidden="true" />
    </button>
  );
}

/**
 * The loaded rows of the window on screen, as a stable array: the table rebuilds its row model only when the
 * window's rows change, not on every scroll frame.
 */
function useWindowRows(rowAt: (index: number) => AuditRow | undefined, start: number, end: number) {
  const rows: AuditRow[] = [];
  for (let i = start; i <= end; i++) {
    const row = rowAt(i);
    if (row) rows.push(row);
  }
  const key = rows.map(auditRowKey).join(',');
  const ref = useRef<{ key: string; rows: AuditRow[] }>({ key: '', rows: [] });
  if (ref.current.key !== key) ref.current = { key, rows };
  return ref.current.rows;
}

/**
 * Every number of the snapshot in one scrolling table (TanStack Table for the columns, rows and expansion). Only
 * the rows on screen are in the DOM (virtualised), and only the blocks around them are fetched, so 50,000 rows
 * scroll as smoothly as 50.
 */
export function AuditTable({
  scanId,
  filter,
  onSort,
  appsShown = 1,
}: {
  scanId: string;
  filter: AuditFilter;
  onSort: (sort: SortKey, dir: 'asc' | 'desc') => void;
  /** How many apps' rows the table holds: with more than one, a row is a number as one app, not a number. */
  appsShown?: number;
}) {
  const scrollRef = useRef<HTMLElement>(null);
  const total = useRowCount(scanId, filter);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  // The virtualiser is created before the rows load (it says which rows to load), so it reads them through a ref.
  const sizeOf = useRef<(index: number) => number>(() => ROW_HEIGHT);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => sizeOf.current(index),
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const visible = { start: items[0]?.index ?? 0, end: items.at(-1)?.index ?? 0 };
  const data = useRowBlocks(scanId, filter, visible);
  const windowRows = useWindowRows(data.rowAt, visible.start, visible.end);
  sizeOf.current = (index) => {
    const loaded = data.rowAt(index);
    const id = loaded && auditRowKey(loaded);
    return id && expanded[id] ? ROW_HEIGHT + DETAIL_HEIGHT : ROW_HEIGHT;
  };
  const table = useTable({
    features: auditFeatures,
    columns: AUDIT_COLUMNS,
    data: windowRows,
    getRowId: auditRowKey,
    getRowCanExpand: () => true,
    // The rows are a window onto the server's list that changes on every scroll and re-render; expansion is
    // reset explicitly on a new filter or scan (below), never because the window moved.
    autoResetExpanded: false,
    state: { expanded },
    onExpandedChange: (updater) =>
      setExpanded((old) => {
        const next = typeof updater === 'function' ? updater(old) : updater;
        return next === true ? old : next;
      }),
  });
  const byId = new Map<string, Row<typeof auditFeatures, AuditRow>>();
  for (const row of table.getRowModel().rows) byId.set(row.id, row);
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const sortKey = filter.sort ?? 'waba';
  const columnCount = AUDIT_COLUMNS.length;

  // A new filter or scan is a new list: details opened on the old one do not carry over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on these inputs only
  useEffect(() => setExpanded({}), [scanId, filter]);
  // An opened or closed detail row changes that row's size.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when expansion changes
  useEffect(() => virtualizer.measure(), [virtualizer, expanded]);

  if (data.error) {
    return <Alert variant="destructive">Could not load the audit rows: {data.error.message}</Alert>;
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-800" aria-live="polite" data-testid="audit-total">
        {data.isLoading
          ? 'Loading numbers…'
          : appsShown > 1
            ? `${count(data.total)} ${data.total === 1 ? 'route' : 'routes'}: each number once per app (${appsShown} apps)`
            : `${count(data.total)} ${data.total === 1 ? 'number' : 'numbers'}`}
        {data.updating && !data.isLoading && ' (updating…)'}
      </p>
      <section
        ref={scrollRef}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
        aria-label="Audit: every number and where its webhooks go"
        className="h-[65vh] overflow-auto rounded-md border border-slate-200 bg-white"
        data-testid="audit-scroll"
      >
        <table
          className="w-max min-w-full table-fixed border-collapse text-sm"
          aria-rowcount={data.total + 1}
        >
          <colgroup>
            {table.getAllLeafColumns().map((c) => (
              <col key={c.id} style={{ width: c.columnDef.meta?.width }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const label = String(header.column.columnDef.header ?? header.id);
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      data-column={header.column.id}
                      aria-sort={
                        meta?.sort && meta.sort === sortKey
                          ? filter.dir === 'desc'
                            ? 'descending'
                            : 'ascending'
                          : undefined
                      }
                      className={cellClass(
                        meta,
                        'bg-slate-50 px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-700 uppercase',
                      )}
                    >
                      {meta?.sort ? (
                        <SortButton label={label} sort={meta.sort} filter={filter} onSort={onSort} />
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr style={{ height: paddingTop }}>
                <td colSpan={columnCount} />
              </tr>
            )}
            {items.map((item) => {
              const loaded = data.rowAt(item.index);
              const row = loaded && byId.get(auditRowKey(loaded));
              if (!row) {
                return (
                  <tr
                    key={`loading-${item.index}`}
                    aria-rowindex={item.index + 2}
                    data-testid="audit-row-loading"
                    style={{ height: ROW_HEIGHT }}
                  >
                    <td colSpan={columnCount} className="px-3 text-slate-600">
                      Loading…
                    </td>
                  </tr>
                );
              }
              return (
                <Fragment key={row.id}>
                  <tr
                    aria-rowindex={item.index + 2}
                    data-testid="audit-row"
                    data-phone-number-id={row.original.phoneNumberId}
                    data-app-id={row.original.appId ?? undefined}
                    className="border-b border-slate-100 bg-white hover:bg-slate-50"
                    style={{ height: ROW_HEIGHT }}
                  >
                    {row.getAllCells().map((cell) => (
                      <td
                        key={cell.id}
                        className={cellClass(
                          cell.column.columnDef.meta,
                          'overflow-hidden px-3 py-1 align-middle text-slate-900',
                        )}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                  {row.getIsExpanded() && (
                    <tr
                      id={detailRowId(row.id)}
                      data-testid="audit-row-detail"
                      className="border-b border-slate-200 bg-slate-50"
                    >
                      <td colSpan={columnCount} className="p-0">
                        <AuditRowDetail row={row.original} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
            {paddingBottom > 0 && (
              <tr style={{ height: paddingBottom }}>
                <td colSpan={columnCount} />
              </tr>
            )}
          </tbody>
        </table>
        {!data.isLoading && data.total === 0 && (
          <p className="p-6 text-center text-sm text-slate-700">No number matches these filters.</p>
        )}
      </section>
    </div>
  );
}
