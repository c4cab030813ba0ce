import Link from 'next/link';
import { EmptyState } from '@/components/common/empty-state';
import { filterQuery, latestChangesFor } from '@/lib/activity';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { ActivityTable } from './activity-table';

const LIMIT = 20;

/**
 * The latest changes to one WABA or phone number, for its page, with a link to the full filtered log.
 * A server component: it reads the change log itself (and checks the reader may see it).
 */
export async function ChangeHistory({
  targetType,
  targetId,
  title = 'Change history',
}: {
  targetType: 'waba' | 'phone_number';
  targetId: string;
  title?: string;
}) {
  const user = await getCurrentUser();
  if (!can(user?.role, 'data.read')) return null;
  const rows = await latestChangesFor({ targetType, targetId, limit: LIMIT });
  const allHref = `/activity?${filterQuery({ targetType, targetId })}`;
  const headingId = `history-${targetType}-${targetId}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid="change-history">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <Link href={allHref} className="text-sm text-blue-800 underline underline-offset-2">
          {rows.length >= LIMIT ? `Latest ${LIMIT} shown · all changes in Activity` : 'Open in Activity'}
        </Link>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No changes recorded yet">Changes made through Switchboard appear here.</EmptyState>
      ) : (
        <ActivityTable rows={rows} caption={`${title} of ${targetId}`} compact />
      )}
    </section>
  );
}
