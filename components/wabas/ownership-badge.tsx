import { Badge } from '@/components/ui/badge';
import type { Ownership } from '@/lib/routing/types';

/** Graph says "client" WABAs; people say "shared with us". */
export function OwnershipBadge({ ownership }: { ownership: Ownership }) {
  return ownership === 'owned' ? (
    <Badge variant="neutral">Owned</Badge>
  ) : (
    <Badge variant="info" title="A client WABA: owned by another business and shared with this one">
      Shared
    </Badge>
  );
}
