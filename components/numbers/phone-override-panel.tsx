'use client';

import { useRef, useState } from 'react';
import { useActingApp } from '@/components/apps/acting-app';
import { OthersStay } from '@/components/apps/others-stay';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { describeNumberRoute } from '@/components/overrides/describe-after';
import {
  LazyOverrideForm,
  OverrideFormSuspense,
  preloadOverrideForm,
} from '@/components/overrides/lazy-override-form';
import { LazyWriteOutcomeAlert } from '@/components/overrides/lazy-write-outcome-alert';
import { SubscribeAction } from '@/components/overrides/subscribe-action';
import type { NumberActions, RoutingPermissions } from '@/components/overrides/types';
import { useRoutingWrite } from '@/components/overrides/use-routing-write';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { tierUrl } from '@/lib/routing/tiers';
import type { AppRouteView, NumberDetail } from '@/lib/routing/types';

interface PhoneOverridePanelProps {
  number: NumberDetail;
  numberLabel: string;
  wabaLabel: string;
  /** Every configured app's route (empty with one app), for what a change leaves as it is. */
  apps: readonly AppRouteView[];
  actingAppId: string;
  /** What clearing the phone override leads to, worded on the server (./clear-consequence.ts). */
  clearSentence: string;
  permissions: RoutingPermissions;
  allowLoopback: boolean;
  actions: NumberActions;
}

/** Set or clear this app's phone number override (tier 1) for one number. */
export function PhoneOverridePanel(props: PhoneOverridePanelProps) {
  const {
    number,
    numberLabel,
    wabaLabel,
    apps,
    actingAppId,
    clearSentence,
    permissions,
    allowLoopback,
    actions,
  } = props;
  const scope = { wabaId: number.wabaId, phoneNumberId: number.phoneNumberId };
  const current = tierUrl(number.tiers, 'phone_number');
  const [formOpen, setFormOpen] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const clear = useRoutingWrite(actions.clearPhoneOverride, scope);
  const actingApp = useActingApp();
  const othersStay = <OthersStay apps={apps} actingAppId={actingAppId} actingLabel={actingApp.label} />;
  const subscribeAction = permissions.wabaSubscribe ? (
    <SubscribeAction
      wabaId={number.wabaId}
      wabaLabel={wabaLabel}
      subscribeApp={actions.subscribeApp}
      phoneNumberId={number.phoneNumberId}
    />
  ) : undefined;

  if (!permissions.overrideWrite) {
    return (
      <p className="text-sm text-slate-700">Your role can view this number but not change its overrides.</p>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="outline"
          aria-expanded={formOpen}
          aria-controls="phone-override-form"
          disabled={clear.pending}
          onPointerEnter={preloadOverrideForm}
          onFocus={preloadOverrideForm}
          onClick={() => setFormOpen((open) => !open)}
        >
          {current ? 'Change phone override' : 'Set phone override'}
        </Button>
        {current && (
          <ConfirmDialog
            triggerLabel="Clear phone override"
            title={`Clear the phone number override of ${numberLabel}?`}
            description={
              <>
                <p>{clearSentence}</p>
                {othersStay}
              </>
            }
            confirmLabel="Clear phone override"
            pendingLabel="Clearing…"
            disabled={clear.pending}
            resultRef={resultRef}
            onConfirm={async () => {
              await clear.run({ phoneNumberId: number.phoneNumberId, expected: current });
              setFormOpen(false);
            }}
          />
        )}
      </div>
      {formOpen && (
        <div id="phone-override-form" className="space-y-3 rounded-md border border-slate-200 p-4">
          {othersStay}
          {!number.subscribed && (
            <Alert variant="warning">
              <AlertTitle>
                This app is not subscribed to {wabaLabel}: Graph refuses overrides until it is.
              </AlertTitle>
            </Alert>
          )}
          <OverrideFormSuspense>
            <LazyOverrideForm
              idPrefix="phone-override"
              noun="phone number override"
              scope={scope}
              target={{ phoneNumberId: number.phoneNumberId }}
              current={current}
              allowLoopback={allowLoopback}
              canTest={permissions.callbackTest}
              submitLabel="Save phone override"
              successTitle="Phone number override saved"
              save={actions.setPhoneOverride}
              testCallback={actions.testCallback}
              describeAfter={describeNumberRoute}
              reportedOverride={(after) => tierUrl(after.tiers, 'phone_number')}
              subscribeAction={subscribeAction}
            />
          </OverrideFormSuspense>
        </div>
      )}
      <div ref={resultRef} tabIndex={-1} className="focus:outline-none" data-testid="clear-result">
        {clear.state &&
          (clear.state.ok ? (
            <LazyWriteOutcomeAlert
              outcome={clear.state.data}
              successTitle="Phone number override cleared"
              noun="phone number override"
              describeAfter={describeNumberRoute}
              subscribeAction={subscribeAction}
            />
          ) : (
            <Alert variant="destructive">
              <AlertTitle>{clear.state.error}</AlertTitle>
            </Alert>
          ))}
      </div>
    </div>
  );
}
