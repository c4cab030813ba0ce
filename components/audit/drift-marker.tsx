import { Badge } from '@/components/ui/badge';
import type { RouteState } from '@/lib/audit/types';

function routeBefore(previous: RouteState | null): string {
  if (!previous) return '';
  const url = previous.effectiveUrl ?? 'no delivery';
  return `Before: ${url} (phone ${previous.phoneTier ?? '—'}, WABA ${previous.wabaTier ?? '—'}, app ${previous.appTier ?? '—'}${previous.subscribed ? '' : ', not subscribed'})`;
}

/** "Changed outside Switchboard" (drift) or "Changed" (explained by a Switchboard change), with the route before. */
export function DriftMarker({
  changed,
  drift,
  previous,
}: {
  changed: boolean;
  drift: boolean;
  previous: RouteState | null;
}) {
  if (drift) {
    return (
      <Badge variant="warning" title={routeBefore(previous)} data-drift="outside">
        Changed outside Switchboard
      </Badge>
    );
  }
  if (changed) {
    return (
      <Badge variant="info" title={routeBefore(previous)} data-drift="explained">
        Changed in Switchboard
      </Badge>
    );
  }
  return null;
}
