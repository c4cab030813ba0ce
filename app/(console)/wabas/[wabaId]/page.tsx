import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChangeHistory } from '@/components/activity/change-history';
import { ActingAppScope } from '@/components/apps/acting-app-scope';
import { AppsOnWabaSection } from '@/components/apps/apps-on-waba';
import { PageHeader } from '@/components/common/page-header';
import { ReadFailure } from '@/components/common/read-failure';
import { Timestamp } from '@/components/common/timestamp';
import { LazyWabaDeliveryCheck } from '@/components/doctor/lazy-waba-delivery-check';
import { routingPermissions } from '@/components/overrides/types';
import { ReceiverChoicesBoundary } from '@/components/receivers/receiver-choices-boundary';
import { Card, CardContent } from '@/components/ui/card';
import { OwnershipBadge } from '@/components/wabas/ownership-badge';
import { WabaDetailView } from '@/components/wabas/waba-detail-view';
import { appSummary } from '@/lib/apps/types';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { fetchForPage } from '@/lib/query/fetch-for-page';
import { readWaba } from '@/lib/query/reads';
import { wabaDetailOptions } from '@/lib/query/wabas';
import { getAppRegistry } from '@/lib/server';
import { clearWabaOverrideAction } from '../../_actions/clear-waba-override';
import { setWabaOverrideAction } from '../../_actions/set-waba-override';
import { subscribeAppAction } from '../../_actions/subscribe-app';
import { testCallbackAction } from '../../_actions/test-callback';
import { unsubscribeAppAction } from '../../_actions/unsubscribe-app';
import { pageActingApp } from '../../_lib/acting-app';

type Params = Promise<{ wabaId: string }>;
/** `?app=<appId>`: the configured app whose subscription and WABA override the forms change. */
type SearchParams = Promise<{ app?: string | string[] }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { wabaId } = await params;
  const result = await fetchForPage(wabaDetailOptions(wabaId), () => readWaba(wabaId));
  return { title: result.ok && result.data?.name ? result.data.name : `WABA ${wabaId}` };
}

export default async function WabaPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { wabaId } = await params;
  const user = await requireUser();
  const registry = await getAppRegistry();
  const requested = (await searchParams).app;
  const chosen = pageActingApp(registry, requested);
  if (!chosen) notFound();
  const { app: acting, value: actingValue } = chosen;
  const appId = actingValue.appId;
  const result = await fetchForPage(wabaDetailOptions(wabaId, appId), () => readWaba(wabaId, appId));
  if (!result.ok) {
    return (
      <>
        <PageHeader title={`WABA ${wabaId}`} />
        <ReadFailure failure={result.failure} title="Could not read this WABA from Graph" />
      </>
    );
  }
  const waba = result.data;
  if (!waba) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/wabas" className="text-blue-800 underline underline-offset-2">
          WABAs
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{waba.name ?? waba.wabaId}</span>
      </nav>
      <PageHeader
        title={waba.name ?? `WABA ${waba.wabaId}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              WABA id <span className="font-mono">{waba.wabaId}</span>
            </span>
            <OwnershipBadge ownership={waba.ownership} ownerName={waba.ownerBusinessName} />
            <span>
              · read from Graph at <Timestamp iso={waba.readAt} />
            </span>
          </span>
        }
      />
      <div className="space-y-6">
        <ReceiverChoicesBoundary role={user.role}>
          {registry.apps.length > 1 && (
            <AppsOnWabaSection waba={waba} apps={registry.apps.map(appSummary)} actingAppId={acting.id} />
          )}
          <ActingAppScope app={actingValue} what="subscription">
            <WabaDetailView
              waba={waba}
              permissions={routingPermissions(user.role)}
              allowLoopback={getConfig().ALLOW_LOOPBACK_CALLBACKS}
              actions={{
                setWabaOverride: setWabaOverrideAction,
                clearWabaOverride: clearWabaOverrideAction,
                subscribeApp: subscribeAppAction,
                unsubscribeApp: unsubscribeAppAction,
                testCallback: testCallbackAction,
              }}
            />
          </ActingAppScope>
        </ReceiverChoicesBoundary>
        <LazyWabaDeliveryCheck
          actingApp={actingValue}
          wabaId={waba.wabaId}
          wabaLabel={waba.name ? `${waba.name} (${waba.wabaId})` : waba.wabaId}
          subscribeApp={routingPermissions(user.role).wabaSubscribe ? subscribeAppAction : undefined}
          canManageSettings={can(user.role, 'settings.manage')}
        />
        <Card>
          <CardContent className="pt-4">
            <ChangeHistory targetType="waba" targetId={waba.wabaId} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
