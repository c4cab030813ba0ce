import { EmptyState } from '@/components/common/empty-state';
import { Timestamp } from '@/components/common/timestamp';
import { TierBadge } from '@/components/routing/tier-badge';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import type { RouteState } from '@/lib/audit/types';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { DriftMarker } from './drift-marker';
import { readRouteHistory } from './route-history-read';

function Route({ route }: { route: RouteState }) {
  return (
    <div className="space-y-1">
      <TierBadge tier={route.winner} />
      <span className="block break-all font-mono text-xs">{route.effectiveUrl ?? '—'}</span>
    </div>
  );
}

/**
 * For the number page: how this number's route changed across audit scans (newest first), which changes were
 * made outside Switchboard, and since when the audit has seen it. A server component.
 */
export async function RouteHistory({ phoneNumberId, appId }: { phoneNumberId: string; appId: string }) {
  const user = await getCurrentUser();
  if (!can(user?.role, 'data.read')) return null;
  const history = await readRouteHistory(phoneNumberId, appId);
  const headingId = `route-history-${phoneNumberId}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3" data-testid="route-history">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        Route history (audit scans)
      </h2>
      {!history.latest ? (
        <EmptyState title="No audit has seen this number yet">
          Run an audit to start its route history.
        </EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-800">
            First seen <Timestamp iso={history.firstSeen?.at ?? history.latest.at} />; last audited{' '}
            <Timestamp iso={history.latest.at} />.{' '}
            {history.changes.length === 0 && 'Its route has not changed between scans.'}
          </p>
          {history.changes.length > 0 && (
            <Table>
              <TableCaption>Route changes of {phoneNumberId}, newest first</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Seen at</TableHead>
                  <TableHead>Before</TableHead>
                  <TableHead>After</TableHead>
                  <TableHead>Who</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {history.changes.map((change) => (
                  <TableRow key={change.at} data-testid="route-change">
                    <TableCell>
                      <Timestamp iso={change.at} />
                    </TableCell>
                    <TableCell>{change.previous ? <Route route={change.previous} /> : '—'}</TableCell>
                    <TableCell>
                      <Route route={change} />
                    </TableCell>
                    <TableCell>
                      <DriftMarker changed={change.changed} drift={change.drift} previous={change.previous} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
