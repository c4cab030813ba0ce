'use client';

import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { EmptyState } from '@/components/common/empty-state';
import { GraphErrorAlert } from '@/components/common/graph-error-alert';
import { Section } from '@/components/common/section';
import { SubscribeAction } from '@/components/overrides/subscribe-action';
import type { NumberActions, RoutingPermissions } from '@/components/overrides/types';
import { TierLadder } from '@/components/routing/tier-ladder';
import { WebhookFields } from '@/components/routing/webhook-fields';
import { numberDetailOptions } from '@/lib/query/numbers';
import { failureOf } from '@/lib/query/read-result';
import { tierUrl } from '@/lib/routing/tiers';
import { NumberFacts } from './number-facts';
import { PhoneOverridePanel } from './phone-override-panel';
import { ReadStatus } from './read-status';

interface NumberViewProps {
  phoneNumberId: string;
  /** The configured app whose route this view reads and changes; undefined = the default app. */
  appId?: string;
  permissions: RoutingPermissions;
  allowLoopback: boolean;
  actions: NumberActions;
}

/**
 * The live part of a number's page: hydrated from the server render, re-read from Graph by *Refresh* and
 * after every write, so the ladder always shows what Graph reports.
 */
export function NumberView({ phoneNumberId, appId, permissions, allowLoopback, actions }: NumberViewProps) {
  const options = numberDetailOptions(phoneNumberId, appId);
  const queryClient = useQueryClient();
  const { data: number, error, isRefetching } = useSuspenseQuery(options);
  if (!number) {
    return (
      <EmptyState title="This number is no longer visible">
        Graph no longer reports it in a WABA of the configured businesses.
      </EmptyState>
    );
  }
  const numberLabel = number.displayPhoneNumber ?? number.phoneNumberId;
  const wabaLabel = number.wabaName ? `${number.wabaName} (${number.wabaId})` : number.wabaId;
  return (
    <div className="space-y-6">
      <ReadStatus
        readAt={number.readAt}
        refreshing={isRefetching}
        onRefresh={() => void queryClient.refetchQueries({ queryKey: options.queryKey, exact: true })}
      />
      {error && (
        <GraphErrorAlert error={failureOf(error)} title="Could not refresh: showing the last data read" />
      )}
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
