import { Badge } from '@/components/ui/badge';
import type { Ownership } from '@/lib/routing/types';

/**
 * Graph says "client" WABAs; people say "shared with us". With the owner's name (Graph's
 * `owner_business_info`), a shared WABA says who shares it, often a business nobody configured here.
 */
export function OwnershipBadge({
  ownership,
  ownerName,
}: {
  ownership: Ownership;
  ownerName?: string | null;
}) {
  return ownership === 'owned' ? (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-ownership="owned">
      <Badge variant="neutral">Owned</Badge>
      {/* A real space, so the cell reads "Owned by …" as text (screen readers, copy) and not "Ownedby". */}
      {ownerName && ' '}
      {ownerName && <span className="text-sm text-slate-700">by {ownerName}</span>}
    </span>
  ) : (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-ownership="client">
      <Badge variant="info" title="A client WABA: owned by another business and shared with this one">
        Shared
      </Badge>{' '}
      <span className="text-sm text-slate-700">{ownerName ? `by ${ownerName}` : 'by another business'}</span>
    </span>
  );
}
