import type { Metadata } from 'next';
import { EmptyState } from '@/components/common/empty-state';
import { GraphErrorAlert } from '@/components/common/graph-error-alert';
import { PageHeader } from '@/components/common/page-header';
import { ReadFailure } from '@/components/common/read-failure';
import { Timestamp } from '@/components/common/timestamp';
import { Pagination } from '@/components/ui/pagination';
import { WabaSearch } from '@/components/wabas/waba-search';
import { WabaTable } from '@/components/wabas/waba-table';
import { appSummary } from '@/lib/apps/types';
import { fetchForPage } from '@/lib/query/fetch-for-page';
import { readWabaList } from '@/lib/query/reads';
import { wabaListOptions } from '@/lib/query/wabas';
import { getAppRegistry } from '@/lib/server';

export const metadata: Metadata = { title: 'WABAs' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function hrefFor(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/wabas?${query}` : '/wabas';
}

export default async function WabasPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const q = first(params.q).trim().slice(0, 200);
  const requestedPage = Number.parseInt(first(params.page), 10);
  const page = Number.isFinite(requestedPage) && requestedPage > 0 ? requestedPage : 1;

  const [result, registry] = await Promise.all([
    fetchForPage(wabaListOptions({ q, page }), () => readWabaList({ q, page })),
    getAppRegistry(),
  ]);
  const apps = registry.apps.map(appSummary);
  const header = (
    <PageHeader
      title="WABAs"
      description={
        <>
          WhatsApp Business Accounts owned by or shared with the configured businesses
          {result.ok && (
            <>
              {' '}
              · read from Graph at <Timestamp iso={result.data.readAt} />
            </>
          )}
        </>
      }
    />
  );
  if (!result.ok) {
    return (
      <>
        {header}
        <ReadFailure failure={result.failure} title="Could not list the WABAs" />
      </>
    );
  }
  const list = result.data;
  return (
    <>
      {header}
      <div className="space-y-4">
        <WabaSearch q={q} />
        {list.errors.map((error, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: failures have no identity; the list is rebuilt each load
          <GraphErrorAlert key={index} error={error} title="Some WABAs could not be listed" />
        ))}
        {list.items.length === 0 ? (
          q ? (
            <EmptyState title={`No WABA matches “${q}”`}>
              Search looks at WABA names and ids. Check the spelling, or clear the search to see every WABA.
            </EmptyState>
          ) : (
            <EmptyState title="No WABAs found">
              The configured businesses (META_BUSINESS_IDS) own no WhatsApp Business Accounts and have none
              shared with them — or the access token cannot see them.
            </EmptyState>
          )
        ) : (
          <>
            <WabaTable
              apps={apps}
              items={list.items}
              caption={q ? `WABAs matching “${q}”, page ${list.page}` : `All WABAs, page ${list.page}`}
            />
            <Pagination
              page={list.page}
              pageSize={list.pageSize}
              total={list.total}
              hrefFor={(p) => hrefFor(q, p)}
            />
          </>
        )}
      </div>
    </>
  );
}
