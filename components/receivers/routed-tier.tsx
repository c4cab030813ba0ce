import { TierBadge } from '@/components/routing/tier-badge';
import type { Tier } from '@/lib/graph/schemas';

/** The tier that routed a delivery when the sender said so (the sandbox does; Meta does not). */
export function RoutedTier({ tier }: { tier: Tier | null }) {
  if (!tier) return <span className="text-slate-700">Unknown</span>;
  return <TierBadge tier={tier} />;
}
