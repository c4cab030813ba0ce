'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { memo, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import type { AuditFilter, SortKey } from '@/lib/audit/filter';
import type { AuditRow } from '@/lib/audit/types';
import { AUDIT_COLUMNS } from './audit-columns';
import { count } from './format';
import { useRowBlocks, useRowCount } from './use-row-blocks';

const ROW_HEIGHT = 52;

/** One number's row; memoised so scrolling only renders the rows that come into view. */
const AuditRowView = memo(function AuditRowView({ row, index }: { row: AuditRow; index: number }) {
  return (
    <tr
      aria-rowindex={index + 2}
      data-testid="audit-row"
      data-phone-number-id={row.phoneNumberId}
      className="border-b border-slate-100 hover:bg-slate-50"
      style={{ height: ROW_HEIGHT }}
    >
      {AUDIT_COLUMNS.map((c) => (
        <td key={c.id} className="overflow-hidden px-3 py-1 align-middle text-slate-900">
          {c.cell(row)}
        </td>
      ))}
    </tr>
  );
});

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
 * Every number of the snapshot in one scrolling table. Only the rows on screen are in the DOM (virtualised), and
 * only the blocks around them are fetched, so 50,000 rows scroll as smoothly as 50.
 */
export function AuditTable({
  scanId,
  filter,
  onSort,
}: {
  scanId: string;
  filter: AuditFilter;
  onSort: (sort: SortKey, dir: 'asc' | 'desc') => void;
}) {
  const scrollRef = useRef<HTMLElement>(null);
  const total = useRowCount(scanId, filter);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const visible = { start: items[0]?.index ?? 0, end: items.at(-1)?.index ?? 0 };
  const data = useRowBlocks(scanId, filter, visible);
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const sortKey = filter.sort ?? 'waba';

  if (data.error) {
    return <Alert variant="destructive">Could not load the audit rows: {data.error.message}</Alert>;
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-800" aria-live="polite" data-testid="audit-total">
        {data.isLoading
          ? 'Loading numbers…'
          : `${count(data.total)} ${data.total === 1 ? 'number' : 'numbers'}`}
        {data.updating && !data.isLoading && ' (updating…)'}
      </p>
      <section
        ref={scrollRef}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
        aria-label="Audit: every number and where its webhooks go"
        className="h-[65vh] overflow-auto rounded-md border border-slate-200 bg-white"
      >
        <table
          className="w-max min-w-full table-fixed border-collapse text-sm"
          aria-rowcount={data.total + 1}
        >
          <colgroup>
            {AUDIT_COLUMNS.map((c) => (
              <col key={c.id} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50">
            <tr aria-rowindex={1}>
              {AUDIT_COLUMNS.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={
                    c.sort && c.sort === sortKey
                      ? filter.dir === 'desc'
                        ? 'descending'
                        : 'ascending'
                      : undefined
                  }
                  className="px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-700 uppercase"
                >
                  {c.sort ? (
                    <SortButton label={c.header} sort={c.sort} filter={filter} onSort={onSort} />
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr style={{ height: paddingTop }}>
                <td colSpan={AUDIT_COLUMNS.length} />
              </tr>
            )}
            {items.map((item) => {
              const row = data.rowAt(item.index);
              return row ? (
                <AuditRowView key={row.phoneNumberId} row={row} index={item.index} />
              ) : (
                <tr
                  key={`loading-${item.index}`}
                  aria-rowindex={item.index + 2}
                  data-testid="audit-row-loading"
                  style={{ height: ROW_HEIGHT }}
                >
                  <td colSpan={AUDIT_COLUMNS.length} className="px-3 text-slate-600">
                    Loading…
                  </td>
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr style={{ height: paddingBottom }}>
                <td colSpan={AUDIT_COLUMNS.length} />
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
