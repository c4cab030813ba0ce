import { Download } from 'lucide-react';
import type { Metadata } from 'next';
import { ActivityFilters } from '@/components/activity/activity-filters';
import { ActivityTable } from '@/components/activity/activity-table';
import { EmptyState } from '@/components/common/empty-state';
import { PageHeader } from '@/components/common/page-header';
import { buttonVariants } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import {
  changeLogFacets,
  changeLogFilterErrors,
  filterQuery,
  parseChangeLogFilter,
  parsePage,
  queryActivityEntries,
} from '@/lib/activity';
import { targetNames } from '@/lib/audit';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getAppRegistry, getAuditEnv } from '@/lib/server';

export const metadata: Metadata = { title: 'Activity' };

const PAGE_SIZE = 50;

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const filter = parseChangeLogFilter(params);
  const errors = changeLogFilterErrors(params);
  const [result, facets, registry] = await Promise.all([
    // A bulk job's rows come as one entry (lib/db/change-log-entries.ts); paging counts entries.
    queryActivityEntries({ filter, page: parsePage(params), pageSize: PAGE_SIZE }),
    changeLogFacets(),
    getAppRegistry(),
  ]);
  // With one app configured there is nothing to tell apart.
  const appLabels =
    registry.apps.length > 1 ? Object.fromEntries(registry.apps.map((app) => [app.id, app.label])) : {};
  const rows = result.entries.flatMap((e) => (e.kind === 'change' ? [e.row] : e.rows));
  const idsOf = (type: string) => [
    ...new Set(rows.filter((r) => r.targetType === type).map((r) => r.targetId)),
  ];
  const names = Object.fromEntries(
    await targetNames((await getAuditEnv()).db, {
      phoneNumberIds: idsOf('phone_number'),
      wabaIds: idsOf('waba'),
    }),
  );
  const query = filterQuery(filter);
  const filtered = query.length > 0;
  return (
    <>
      <PageHeader
        title="Activity"
        description="Every change made through Switchboard: who, what, the state before and after, and the outcome."
        actions={
          can(user.role, 'data.export') && (
            <a
              href={`/api/activity/export${query ? `?${query}` : ''}`}
              className={buttonVariants({ variant: 'outline' })}
              download
            >
              <Download aria-hidden="true" />
              Export CSV
            </a>
          )
        }
      />
      <div className="space-y-4">
        {/* Keyed on the query: the fields are uncontrolled, so a new URL (Clear, back) must remount them. */}
        <ActivityFilters
          key={query}
          filter={filter}
          errors={errors}
          actors={facets.actors}
          actions={facets.actions}
        />
        {result.total === 0 ? (
          <EmptyState title={filtered ? 'No changes match these filters' : 'No changes recorded yet'}>
            {filtered
              ? 'Widen the time range or clear a filter.'
              : 'Changes made through Switchboard appear here.'}
          </EmptyState>
        ) : (
          <>
            <ActivityTable
              entries={result.entries}
              caption="Change log, newest first"
              names={names}
              appLabels={appLabels}
            />
            <Pagination
              page={result.page}
              pageSize={result.pageSize}
              total={result.total}
              hrefFor={(page) => `/activity?${filterQuery(filter, { page: String(page) })}`}
            />
          </>
        )}
      </div>
    </>
  );
}
