'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type ActingApp, ActingAppProvider, useActingApp } from '@/components/apps/acting-app';
import { QueryProvider } from '@/components/common/query-provider';
import { Timestamp } from '@/components/common/timestamp';
import { SubscribeAction } from '@/components/overrides/subscribe-action';
import type { WriteAction } from '@/components/overrides/types';
import type { CheckFix, DoctorCheck } from '@/lib/doctor/types';
import { CHECK_LABELS } from '@/lib/doctor/verdict';
import { diagnosisOptions } from '@/lib/query/numbers';
import type { WabaSummary } from '@/lib/routing/types';
import { CheckStatusIcon, VerdictBadge } from './check-status';
import { CheckedAppLine } from './checked-app';
import { NUMBER_CHECK_DESCRIPTION } from './checking';
import { DoctorSection } from './doctor-section';

interface DeliveryCheckPanelProps {
  phoneNumberId: string;
  /** The guarded Subscribe action, when the viewer may subscribe (the fix for waba_subscription). */
  subscribeApp?: WriteAction<{ wabaId: string }, WabaSummary>;
  wabaLabel: string;
  canManageSettings: boolean;
}

export function FixFor({
  fix,
  phoneNumberId,
  subscribeApp,
  wabaLabel,
  canManageSettings,
}: { fix: CheckFix } & DeliveryCheckPanelProps) {
  if (fix.kind === 'subscribe') {
    return subscribeApp ? (
      <SubscribeAction
        wabaId={fix.wabaId}
        wabaLabel={wabaLabel}
        subscribeApp={subscribeApp}
        phoneNumberId={phoneNumberId}
      />
    ) : null;
  }
  if (fix.kind === 'app_settings') {
    return canManageSettings ? (
      <Link href="/settings#settings-app-tier" className="text-sm text-blue-800 underline underline-offset-2">
        {fix.label}
      </Link>
    ) : null;
  }
  return (
    <Link
      href={fix.receiverId ? `/receivers/${fix.receiverId}` : '/receivers'}
      className="text-sm text-blue-800 underline underline-offset-2"
    >
      {fix.label}
    </Link>
  );
}

export function CheckRow({ check, ...fixProps }: { check: DoctorCheck } & DeliveryCheckPanelProps) {
  return (
    <li
      className="flex flex-col gap-1 border-b border-slate-200 py-3 last:border-b-0 sm:flex-row sm:gap-4"
      data-check={check.id}
      data-status={check.status}
    >
      <div className="w-28 pt-0.5">
        <CheckStatusIcon status={check.status} />
      </div>
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-medium text-slate-900">
          <span className="sr-only">{CHECK_LABELS[check.id]}: </span>
          {check.title}
        </p>
        <p className="break-words text-sm text-slate-700">{check.detail}</p>
        {check.fix && (check.status === 'fail' || check.status === 'warn') && (
          // Long WABA names must wrap inside the button at 390 px rather than push the panel wider.
          <div className="pt-1 [&_button]:h-auto [&_button]:min-h-9 [&_button]:whitespace-normal [&_button]:py-1.5 [&_button]:text-left">
            <FixFor fix={check.fix} {...fixProps} />
          </div>
        )}
      </div>
    </li>
  );
}

/**
 * "Why don't this number's messages arrive?": the routing doctor's checks, run on open and on demand, as the
 * page's acting app (`actingApp`, `?app=`): its token, its subscription, its overrides. The fixes act as it too.
 */
export function DeliveryCheckPanel({
  actingApp,
  ...props
}: DeliveryCheckPanelProps & { actingApp?: ActingApp }) {
  const panel = (
    <QueryProvider>
      <NumberDeliveryCheck {...props} />
    </QueryProvider>
  );
  return actingApp ? <ActingAppProvider app={actingApp}>{panel}</ActingAppProvider> : panel;
}

function NumberDeliveryCheck(props: DeliveryCheckPanelProps) {
  const { phoneNumberId } = props;
  const { appId } = useActingApp();
  const query = useQuery(diagnosisOptions(phoneNumberId, appId));
  return (
    <DoctorSection id="delivery-check" description={NUMBER_CHECK_DESCRIPTION} query={query}>
      {(data) => (
        <>
          <CheckedAppLine app={data.app} />
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
            <span>Verdict:</span>
            <VerdictBadge verdict={data.verdict} />
            {data.firstProblem && (
              <span>
                first problem: <strong>{CHECK_LABELS[data.firstProblem]}</strong>
              </span>
            )}
            <span className="text-slate-600">
              · checked <Timestamp iso={data.checkedAt} />
            </span>
          </p>
          <ul aria-label="Delivery checks">
            {data.checks.map((check) => (
              <CheckRow key={check.id} check={check} {...props} />
            ))}
          </ul>
        </>
      )}
    </DoctorSection>
  );
}
