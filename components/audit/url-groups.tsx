'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { AuditFilter } from '@/lib/audit/filter';
import type { UrlGroup } from '@/lib/audit/types';
import { auditKeys } from '@/lib/query/keys';
import type { Tier } from '@/lib/routing/types';
import { fetchGroups } from './audit-api';
import { count, plural } from './format';

const SEGMENTS: Array<{ key: Tier | 'none'; label: string; className: string }> = [
  { key: 'phone_number', label: 'phone override', className: 'bg-indigo-600' },
  { key: 'whatsapp_business_account', label: 'WABA override', className: 'bg-teal-600' },
  { key: 'application', label: 'app callback', className: 'bg-slate-500' },
  { key: 'none', label: 'no delivery', className: 'bg-red-600' },
];

/** A horizontal bar per URL, split by the tier that wins: plain CSS, no chart library. */
function Bar({ group, max }: { group: UrlGroup; max: number }) {
  return (
    <div className="flex h-4 w-full overflow-hidden rounded bg-slate-100" aria-hidden="true">
      {SEGMENTS.map(({ key, className }) =>
        group.byWinner[key] > 0 ? (
          <div key={key} className={className} style={{ width: `${(group.byWinner[key] / max) * 100}%` }} />
        ) : null,
      )}
    </div>
  );
}

function breakdown(group: UrlGroup): string {
  return SEGMENTS.filter(({ key }) => group.byWinner[key] > 0)
    .map(({ key, label }) => `${count(group.byWinner[key])} via ${label}`)
    .join(', ');
}

/** Which apps' copies reach the URL: "Switchboard Demo: 5 numbers · Acme Helpdesk: 1 number". */
function Apps({ group }: { group: UrlGroup }) {
  const named = group.apps.filter((a) => a.appId !== null);
  if (named.length === 0) return null;
  return (
    <p className="text-xs text-slate-800" data-testid="url-group-apps">
      {named.map((a, i) => (
        <span key={a.appId} data-app-id={a.appId ?? undefined}>
          {i > 0 && ' · '}
          {a.appLabel ?? a.appId}: {plural(a.count, 'number')}
        </span>
      ))}
    </p>
  );
}

/** How many numbers land on each URL, biggest first; each row opens its numbers or starts a bulk re-route. */
export function UrlGroups({
  scanId,
  filter,
  onShow,
  renderReroute,
}: {
  scanId: string;
  filter: AuditFilter;
  onShow: (url: string | null) => void;
  renderReroute?: (group: UrlGroup) => React.ReactNode;
}) {
  const query = useQuery({
    queryKey: auditKeys.groups(scanId, filter),
    queryFn: () => fetchGroups(scanId, filter),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (query.error)
    return <Alert variant="destructive">Could not group the audit: {query.error.message}</Alert>;
  if (!query.data) return <p className="text-sm text-slate-700">Grouping numbers by URL…</p>;
  const groups = query.data.groups;
  if (groups.length === 0) return <p className="text-sm text-slate-700">No number matches these filters.</p>;
  const max = Math.max(...groups.map((g) => g.count));
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-800">
        {plural(groups.length, 'destination')} for{' '}
        {plural(
          groups.reduce((s, g) => s + g.count, 0),
          'number',
        )}
        .
      </p>
      <ol
        className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white"
        aria-label="Numbers per effective URL"
      >
        {groups.map((group) => (
          <li key={group.url ?? '(none)'} className="space-y-2 p-3" data-testid="url-group">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span
                className="min-w-0 flex-1 truncate font-mono text-sm"
                title={group.url ?? undefined}
                data-testid="url-group-url"
              >
                {group.url ?? 'No delivery'}
              </span>
              <span
                className="text-sm font-semibold tabular-nums text-slate-900"
                data-testid="url-group-count"
              >
                {plural(group.count, 'number')}
              </span>
            </div>
            <Bar group={group} max={max} />
            <Apps group={group} />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="text-xs text-slate-700">{breakdown(group)}</span>
              <span className="flex gap-2">
                <Button variant="outline" size="sm" onClick={() => onShow(group.url)}>
                  Show numbers
                </Button>
                {renderReroute?.(group)}
              </span>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
