import Link from 'next/link';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { Overview } from '@/lib/routing/types';

function auditHrefForUrl(url: string | null): string {
  return url === null ? '/audit?winner=none' : `/audit?${new URLSearchParams({ url })}`;
}

/**
 * Numbers per effective URL, most first (top ten): where this app's messages webhooks land, at a glance.
 * Plain HTML bars — the count is in the text, the bar only repeats it — and each URL opens those numbers
 * in the audit.
 */
export function UrlChart({ overview }: { overview: Overview }) {
  const groups = overview.byUrl;
  const max = Math.max(1, ...groups.map((g) => g.count));
  return (
    <Card aria-labelledby="by-url">
      <CardHeader>
        <CardTitle id="by-url">Numbers per effective URL</CardTitle>
      </CardHeader>
      <CardContent>
        {groups.length === 0 ? (
          <p className="text-sm text-slate-700">No phone numbers yet.</p>
        ) : (
          <ol className="space-y-2" aria-label={`Top ${groups.length} destinations by number count`}>
            {groups.map((group) => (
              <li
                key={group.url ?? '(none)'}
                data-testid="overview-url-group"
                className="grid grid-cols-[minmax(0,1fr)_6rem] items-center gap-x-3 gap-y-1 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_6rem]"
              >
                <Link
                  href={auditHrefForUrl(group.url)}
                  title={group.url ?? undefined}
                  className="truncate font-mono text-xs text-blue-800 underline underline-offset-2"
                  data-testid="overview-url"
                >
                  {group.url ?? 'No delivery'}
                </Link>
                <div
                  className="order-last col-span-2 h-3 rounded bg-slate-100 sm:order-none sm:col-span-1"
                  aria-hidden="true"
                >
                  <div
                    className={group.url === null ? 'h-3 rounded bg-red-600' : 'h-3 rounded bg-blue-600'}
                    style={{ width: `${(group.count / max) * 100}%` }}
                    data-testid="overview-url-bar"
                  />
                </div>
                <span
                  className="text-right text-sm font-semibold tabular-nums text-slate-900"
                  data-testid="overview-url-count"
                >
                  {group.count} number{group.count === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
