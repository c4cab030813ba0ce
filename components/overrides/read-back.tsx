/** What Graph reports after a write, as the outcome of a routing write shows it (loaded by ./describe-after.tsx). */
import { ReceiverLabel } from '@/components/receivers/receiver-choices';
import { CallbackUrl } from '@/components/routing/callback-url';
import { TierBadge } from '@/components/routing/tier-badge';
import { tierUrl } from '@/lib/routing/tiers';
import type { NumberRoute, WabaSummary } from '@/lib/routing/types';

/** A number's read-back: its phone override and which tier now delivers. */
export function NumberReadBack({ after }: { after: NumberRoute }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid="read-back">
      <dt className="font-medium">Phone number override</dt>
      <dd>
        <CallbackUrl url={tierUrl(after.tiers, 'phone_number')} empty="None" />
      </dd>
      <dt className="font-medium">Now delivers via</dt>
      <dd className="space-x-2">
        <TierBadge tier={after.resolution.winner} />
        {after.resolution.url && <CallbackUrl url={after.resolution.url} />}
        <ReceiverLabel url={after.resolution.url} />
      </dd>
    </dl>
  );
}

/** A WABA's read-back: this app's subscription and WABA override. */
export function WabaReadBack({ after }: { after: WabaSummary }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid="read-back">
      <dt className="font-medium">This app</dt>
      <dd>{after.subscribed ? 'Subscribed' : 'Not subscribed: no webhooks for this WABA reach it'}</dd>
      <dt className="font-medium">WABA override</dt>
      <dd className="space-x-2">
        <CallbackUrl url={after.wabaOverride} empty="None" />
        <ReceiverLabel url={after.wabaOverride} />
      </dd>
    </dl>
  );
}
