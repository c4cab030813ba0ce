import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { readRouteHistory } from './route-history-read';

/**
 * For the number page header: "Changed outside Switchboard" when the latest audit found this number's route
 * changed with no Switchboard change to explain it. Renders nothing otherwise. A server component.
 */
export async function DriftBadge({ phoneNumberId, appId }: { phoneNumberId: string; appId: string }) {
  const user = await getCurrentUser();
  if (!can(user?.role, 'data.read')) return null;
  // The same read as the route history section (once per request); the badge is the latest snapshot's flag,
  // as `numberDrift` reads it.
  const { latest } = await readRouteHistory(phoneNumberId, appId);
  const drift = latest?.drift ? latest : null;
  if (!drift) return null;
  const before = drift.previous?.effectiveUrl ?? 'no delivery';
  return (
    <Link
      href={`/audit?drift=1&app=${encodeURIComponent(appId)}&q=${encodeURIComponent(drift.effectiveUrl ?? '')}`}
      data-testid="drift-badge"
    >
      <Badge variant="warning" title={`Before: ${before}. Now: ${drift.effectiveUrl ?? 'no delivery'}.`}>
        Changed outside Switchboard
      </Badge>
    </Link>
  );
}
