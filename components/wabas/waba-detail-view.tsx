'use client';

import { useSuspenseQuery } from '@tanstack/react-query';
import { EmptyState } from '@/components/common/empty-state';
import { GraphErrorAlert } from '@/components/common/graph-error-alert';
import { Section } from '@/components/common/section';
import type { RoutingPermissions, WabaActions } from '@/components/overrides/types';
import { failureOf } from '@/lib/query/read-result';
import { wabaDetailOptions } from '@/lib/query/wabas';
import { NumbersTable } from './numbers-table';
import { SubscribedAppsTable } from './subscribed-apps-table';
import { SubscriptionPanel } from './subscription-panel';

interface WabaDetailViewProps {
  wabaId: string;
  /** The configured app whose view this is (its subscription, override, tiers); undefined = the default app. */
  appId?: string;
  permissions: RoutingPermissions;
  allowLoopback: boolean;
  actions: WabaActions;
}

export function wabaLabelOf(waba: { wabaId: string; name: string | null }): string {
  return waba.name ? `${waba.name} (${waba.wabaId})` : waba.wabaId;
}

/**
 * The live part of the WABA page: hydrated from the server render, refetched after every write so the
 * subscription, the apps and every number's tiers show what Graph reports now.
 */
export function WabaDetailView({ wabaId, appId, permissions, allowLoopback, actions }: WabaDetailViewProps) {
  const { data: waba, error } = useSuspenseQuery(wabaDetailOptions(wabaId, appId));
  if (!waba) {
    return (
      <EmptyState title="This WABA is no longer visible">
        Graph no longer reports it for the configured businesses. It may have been removed or unshared.
      </EmptyState>
    );
  }
  const label = wabaLabelOf(waba);
  return (
    <div className="space-y-6">
      {error && (
        <GraphErrorAlert error={failureOf(error)} title="Could not refresh: showing the last data read" />
      )}
      <SubscriptionPanel
        waba={waba}
        wabaLabel={label}
        permissions={permissions}
        allowLoopback={allowLoopback}
        actions={actions}
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
