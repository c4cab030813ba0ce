import { ReceiverLabel } from '@/components/receivers/receiver-choices';
import { CallbackUrl } from '@/components/routing/callback-url';
import type { WabaDetail } from '@/lib/routing/types';
import { SubscribedBadge } from './subscribed-badge';

/** This app's standing on one WABA: subscribed or not, its WABA override, the app callback behind it. */
export function SubscriptionFacts({ waba }: { waba: WabaDetail }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      <dt className="font-medium text-slate-800">Subscription</dt>
      <dd data-testid="subscription-status">
        <SubscribedBadge subscribed={waba.subscribed} />
      </dd>
      <dt className="font-medium text-slate-800">WABA override</dt>
      <dd data-testid="waba-override" className="flex flex-wrap items-baseline gap-x-2">
        <CallbackUrl url={waba.wabaOverride} empty="None" />
        <ReceiverLabel url={waba.wabaOverride} />
      </dd>
      <dt className="font-medium text-slate-800">App callback URL</dt>
      <dd>
        <CallbackUrl url={waba.applicationCallback} empty="Not known (no number reports one)" />
      </dd>
    </dl>
  );
}
