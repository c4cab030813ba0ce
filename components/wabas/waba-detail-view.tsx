import { Section } from '@/components/common/section';
import type { RoutingPermissions, WabaActions } from '@/components/overrides/types';
import { tierUrl } from '@/lib/routing/tiers';
import type { WabaDetail } from '@/lib/routing/types';
import { NumbersTable } from './numbers-table';
import { SubscribedAppsTable } from './subscribed-apps-table';
import { fallbackSentence, unsubscribeSentence } from './subscription-consequences';
import { SubscriptionFacts } from './subscription-facts';
import { SubscriptionPanel } from './subscription-panel';

interface WabaDetailViewProps {
  /** The WABA as the page read it from Graph, for the acting app (its subscription, override, tiers). */
  waba: WabaDetail;
  permissions: RoutingPermissions;
  allowLoopback: boolean;
  actions: WabaActions;
}

export function wabaLabelOf(waba: { wabaId: string; name: string | null }): string {
  return waba.name ? `${waba.name} (${waba.wabaId})` : waba.wabaId;
}

/**
 * The WABA's subscription, numbers and apps, rendered on the server from the page's read. Every write re-renders
 * the page (router.refresh), so they show what Graph reports now; only the subscription's buttons and forms are
 * client components.
 */
export function WabaDetailView({ waba, permissions, allowLoopback, actions }: WabaDetailViewProps) {
  const label = wabaLabelOf(waba);
  const withoutPhoneOverride = waba.numbers.filter((n) => tierUrl(n.tiers, 'phone_number') === null).length;
  return (
    <div className="space-y-6">
      <SubscriptionPanel
        waba={waba}
        wabaLabel={label}
        permissions={permissions}
        allowLoopback={allowLoopback}
        actions={actions}
        facts={<SubscriptionFacts waba={waba} />}
        consequences={{
          clearOverride: fallbackSentence(label, waba.applicationCallback, withoutPhoneOverride),
          unsubscribe: unsubscribeSentence(label, waba.numbers.length, waba.wabaOverride),
        }}
      />
      <Section
        id="numbers"
        title="Phone numbers"
        description="Each number’s three tiers for this app, highest priority first; the winner receives messages webhooks."
      >
        <NumbersTable numbers={waba.numbers} wabaLabel={label} />
      </Section>
      <Section
        id="subscribed-apps"
        title="Subscribed apps"
        description="Every app receiving this WABA’s webhooks, as GET subscribed_apps reports them, with its own WABA override."
      >
        <SubscribedAppsTable apps={waba.subscribedApps} wabaLabel={label} />
      </Section>
    </div>
  );
}
