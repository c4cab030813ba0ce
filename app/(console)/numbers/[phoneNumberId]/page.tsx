import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChangeHistory } from '@/components/activity/change-history';
import { ActingAppScope } from '@/components/apps/acting-app-scope';
import { NumberAppsSection } from '@/components/apps/number-apps-section';
import { DriftBadge } from '@/components/audit/drift-badge';
import { RouteHistory } from '@/components/audit/route-history';
import { PageHeader } from '@/components/common/page-header';
import { ReadFailure } from '@/components/common/read-failure';
import { LazyDeliveryCheckPanel } from '@/components/doctor/lazy-delivery-check';
import { NumberView } from '@/components/numbers/number-view';
import { routingPermissions } from '@/components/overrides/types';
import { ReceiverChoicesBoundary } from '@/components/receivers/receiver-choices-boundary';
import { TestEventSection } from '@/components/receivers/test-event-section';
import { TierBadge } from '@/components/routing/tier-badge';
import { Card, CardContent } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { fetchForPage } from '@/lib/query/fetch-for-page';
import { numberAppsOptions, numberDetailOptions } from '@/lib/query/numbers';
import { readNumber, readNumberApps } from '@/lib/query/reads';
import { getAppRegistry } from '@/lib/server';
import { clearPhoneOverrideAction } from '../../_actions/clear-phone-override';
import { setPhoneOverrideAction } from '../../_actions/set-phone-override';
import { subscribeAppAction } from '../../_actions/subscribe-app';
import { testCallbackAction } from '../../_actions/test-callback';
import { pageActingApp } from '../../_lib/acting-app';

type Params = Promise<{ phoneNumberId: string }>;
/** `?app=<appId>`: the configured app whose route the forms change (the default app without it). */
type SearchParams = Promise<{ app?: string | string[] }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { phoneNumberId } = await params;
  const result = await fetchForPage(numberDetailOptions(phoneNumberId), () => readNumber(phoneNumberId));
  return { title: (result.ok && result.data?.displayPhoneNumber) || `Number ${phoneNumberId}` };
}

export default async function NumberPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { phoneNumberId } = await params;
  const user = await requireUser();
  const registry = await getAppRegistry();
  const requested = (await searchParams).app;
  const chosen = pageActingApp(registry, requested);
  // An app that is not configured (any more) has no route to show here.
  if (!chosen) notFound();
  const { app: acting, value: actingValue } = chosen;
  const appId = actingValue.appId;
  const [result, appsRead] = await Promise.all([
    fetchForPage(numberDetailOptions(phoneNumberId, appId), () => readNumber(phoneNumberId, appId)),
    // Every app's route, side by side; a failure shows in its section's place, not instead of the page.
    registry.apps.length > 1
      ? fetchForPage(numberAppsOptions(phoneNumberId), () => readNumberApps(phoneNumberId))
      : null,
  ]);
  if (!result.ok) {
    return (
      <>
        <PageHeader title={`Number ${phoneNumberId}`} />
        <ReadFailure failure={result.failure} title="Could not read this number from Graph" />
      </>
    );
  }
  const number = result.data;
  if (!number) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/wabas" className="text-blue-800 underline underline-offset-2">
          WABAs
        </Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/wabas/${number.wabaId}`} className="text-blue-800 underline underline-offset-2">
          {number.wabaName ?? number.wabaId}
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{number.displayPhoneNumber ?? number.phoneNumberId}</span>
      </nav>
      <PageHeader
        title={number.displayPhoneNumber ?? `Number ${number.phoneNumberId}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              Phone number id <span className="font-mono">{number.phoneNumberId}</span>
            </span>
            <span>· delivers via</span>
            <TierBadge tier={number.resolution.winner} />
            <DriftBadge phoneNumberId={number.phoneNumberId} appId={acting.id} />
          </span>
        }
      />
      <div className="space-y-6">
        <ReceiverChoicesBoundary role={user.role}>
          {appsRead && (
            <NumberAppsSection phoneNumberId={number.phoneNumberId} actingAppId={acting.id} read={appsRead} />
          )}
          <ActingAppScope app={actingValue} what="route">
            <NumberView
              number={number}
              apps={appsRead?.ok ? (appsRead.data?.apps ?? []) : []}
              actingAppId={acting.id}
              permissions={routingPermissions(user.role)}
              allowLoopback={getConfig().ALLOW_LOOPBACK_CALLBACKS}
              actions={{
                setPhoneOverride: setPhoneOverrideAction,
                clearPhoneOverride: clearPhoneOverrideAction,
                subscribeApp: subscribeAppAction,
                testCallback: testCallbackAction,
              }}
            />
          </ActingAppScope>
        </ReceiverChoicesBoundary>
        <LazyDeliveryCheckPanel
          actingApp={actingValue}
          phoneNumberId={number.phoneNumberId}
          wabaLabel={number.wabaName ? `${number.wabaName} (${number.wabaId})` : number.wabaId}
          subscribeApp={routingPermissions(user.role).wabaSubscribe ? subscribeAppAction : undefined}
          canManageSettings={can(user.role, 'settings.manage')}
        />
        <TestEventSection phoneNumberId={number.phoneNumberId} />
        <Card>
          <CardContent className="pt-4">
            <ChangeHistory targetType="phone_number" targetId={number.phoneNumberId} />
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-4">
            <RouteHistory phoneNumberId={number.phoneNumberId} appId={acting.id} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
