import { Ban } from 'lucide-react';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { Tier } from '@/lib/routing/types';

const VARIANTS: Record<Tier, BadgeProps['variant']> = {
  phone_number: 'phone',
  whatsapp_business_account: 'waba',
  application: 'app',
};

/** Longer than TIER_LABELS on purpose: a lone "App" badge in a table cell does not say what wins. */
export const WINNER_LABELS: Record<Tier, string> = {
  phone_number: 'Phone number override',
  whatsapp_business_account: 'WABA override',
  application: 'App callback',
};

/** The winning tier in words (colour only reinforces it); `null` is "No delivery". */
export function TierBadge({ tier }: { tier: Tier | null }) {
  if (tier === null) {
    return (
      <Badge variant="danger" data-tier="none">
        <Ban aria-hidden="true" />
        No delivery
      </Badge>
    );
  }
  return (
    <Badge variant={VARIANTS[tier]} data-tier={tier}>
      {WINNER_LABELS[tier]}
    </Badge>
  );
}
