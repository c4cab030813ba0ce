import { Section } from '@/components/common/section';
import { SubscribeAction } from '@/components/overrides/subscribe-action';
import type { NumberActions, RoutingPermissions } from '@/components/overrides/types';
import { TierLadder } from '@/components/routing/tier-ladder';
import { WebhookFields } from '@/components/routing/webhook-fields';
import { tierUrl } from '@/lib/routing/tiers';
import type { AppRouteView, NumberDetail } from '@/lib/routing/types';
import { clearPhoneSentence } from './clear-consequence';
import { NumberFacts } from './number-facts';
import { PhoneOverridePanel } from './phone-override-panel';
import { ReadStatus } from './read-status';

interface NumberViewProps {
  /** The number as the page read it from Graph, for the acting app. */
  number: NumberDetail;
  /** Every configured app's route as the page read it (empty with one app): what a change leaves as it is. */
  apps: readonly AppRouteView[];
  actingAppId: string;
  permissions: RoutingPermissions;
  allowLoopback: boolean;
  actions: NumberActions;
}

/**
 * The number's route, rendered on the server from the page's read. *Refresh* and every write re-render the
 * page (router.refresh), so the ladder always shows what Graph reported last; only the buttons and forms are
 * client components.
 */
export function NumberView({
  number,
  apps,
  actingAppId,
  permissions,
  allowLoopback,
  actions,
}: NumberViewProps) {
  const numberLabel = number.displayPhoneNumber ?? number.phoneNumberId;
  const wabaLabel = number.wabaName ? `${number.wabaName} (${number.wabaId})` : number.wabaId;
  return (
    <div className="space-y-6">
      <ReadStatus readAt={number.readAt} />
      <Section
        id="route"
        title="Where messages webhooks go"
        description="Meta checks the tiers in this order, for this app, and uses the first one that is set."
      >
        <TierLadder
          route={number}
          wabaLabel={wabaLabel}
          subscribeAction={
            permissions.wabaSubscribe ? (
              <SubscribeAction
                wabaId={number.wabaId}
                wabaLabel={wabaLabel}
                subscribeApp={actions.subscribeApp}
                phoneNumberId={number.phoneNumberId}
              />
            ) : undefined
          }
        />
      </Section>
      <Section
        id="phone-override"
        title="Phone number override"
        description="Tier 1: wins over the WABA override and the app callback for this number."
      >
        <PhoneOverridePanel
          number={number}
          numberLabel={numberLabel}
          wabaLabel={wabaLabel}
          apps={apps}
          actingAppId={actingAppId}
          clearSentence={clearPhoneSentence(numberLabel, number)}
          permissions={permissions}
          allowLoopback={allowLoopback}
          actions={actions}
        />
      </Section>
      <Section
        id="fields"
        title="Which webhooks follow the route"
        description="Only some webhook fields follow overrides; the rest always go to the app callback URL."
      >
        <WebhookFields
          winningUrl={number.resolution.url}
          applicationUrl={tierUrl(number.tiers, 'application')}
          subscribed={number.subscribed}
        />
      </Section>
      <Section id="facts" title="About this number">
        <NumberFacts number={number} />
      </Section>
    </div>
  );
}
