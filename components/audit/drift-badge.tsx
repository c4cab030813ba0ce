import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { numberDrift } from '@/lib/audit';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { getAuditEnv } from '@/lib/server';

/**
 * For the number page header: "Changed outside Switchboard" when the latest audit found this number's route
 * changed with no Switchboard change to explain it. Renders nothing otherwise. A server component.
 */
export async function DriftBadge({ phoneNumberId }: { phoneNumberId: string }) {
  const user = await getCurrentUser();
  if (!can(user?.role, 'data.read')) return null;
  const drift = await numberDrift((await getAuditEnv()).db, phoneNumberId);
  if (!drift) return null;
  const before = drift.previous?.effectiveUrl ?? 'no delivery';
  return (
    <Link href={`/audit?drift=1&q=${encodeURIComponent(drift.effectiveUrl ?? '')}`} data-testid="drift-badge">
      <Badge variant="warning" title={`Before: ${before}. Now: ${drift.effectiveUrl ?? 'no delivery'}.`}>
        Changed outside Switchboard
      </Badge>
    </Link>
  );
}
