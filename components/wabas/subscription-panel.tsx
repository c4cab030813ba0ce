'use client';

import { type ReactNode, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { Section } from '@/components/common/section';
import { describeWabaState } from '@/components/overrides/describe-after';
import {
  LazyOverrideForm,
  OverrideFormSuspense,
  preloadOverrideForm,
} from '@/components/overrides/lazy-override-form';
import type { RoutingPermissions, WabaActions } from '@/components/overrides/types';
import { useRoutingWrite } from '@/components/overrides/use-routing-write';
import { Button } from '@/components/ui/button';
import type { WabaDetail } from '@/lib/routing/types';
import { LazySubscribePreview } from './lazy-subscribe-preview';
import { WabaOthersStay } from './waba-others-stay';
import { type LastWrite, WabaWriteResult } from './waba-write-result';

interface SubscriptionPanelProps {
  waba: WabaDetail;
  wabaLabel: string;
  permissions: RoutingPermissions;
  allowLoopback: boolean;
  actions: WabaActions;
  /** The subscription's facts, rendered on the server (components/wabas/subscription-facts.tsx). */
  facts: ReactNode;
  /** What the confirmations say each write will do, worded on the server (./subscription-consequences.ts). */
  consequences: { clearOverride: string; unsubscribe: string };
}

/** This app's subscription to one WABA, and the four things an operator can do to it. */
export function SubscriptionPanel({
  waba,
  wabaLabel,
  permissions,
  allowLoopback,
  actions,
  facts,
  consequences,
}: SubscriptionPanelProps) {
  const scope = { wabaId: waba.wabaId };
  const [formOpen, setFormOpen] = useState(false);
  const [last, setLast] = useState<LastWrite | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const subscribe = useRoutingWrite(actions.subscribeApp, scope);
  const unsubscribe = useRoutingWrite(actions.unsubscribeApp, scope);
  const clear = useRoutingWrite(actions.clearWabaOverride, scope);
  const busy = subscribe.pending || unsubscribe.pending || clear.pending;

  async function run(
    compares: LastWrite['compares'],
    successTitle: string,
    write: () => Promise<LastWrite['result']>,
  ) {
    setLast({ compares, successTitle, result: await write() });
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  const canChange = permissions.overrideWrite || permissions.wabaSubscribe || permissions.wabaUnsubscribe;
  return (
    <Section
      id="subscription"
      title="This app’s subscription"
      description="Whether this app receives this WABA’s webhooks, and its WABA override (tier 2)."
    >
      {facts}
      <WabaOthersStay subscriptions={waba.subscriptions} />

      {canChange ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {!waba.subscribed && permissions.wabaSubscribe && (
            <ConfirmDialog
              tone="default"
              triggerLabel="Subscribe"
              title={`Subscribe this app to ${wabaLabel}?`}
              description={<LazySubscribePreview wabaId={waba.wabaId} wabaLabel={wabaLabel} />}
              confirmLabel="Subscribe"
              pendingLabel="Subscribing…"
              disabled={busy}
              resultRef={resultRef}
              onConfirm={() =>
                run('subscription', `Subscribed to ${wabaLabel}`, () =>
                  subscribe.run({ wabaId: waba.wabaId }),
                )
              }
            />
          )}
          {permissions.overrideWrite && waba.subscribed && (
            <Button
              variant="outline"
              aria-expanded={formOpen}
              aria-controls="waba-override-form"
              disabled={busy}
              onPointerEnter={preloadOverrideForm}
              onFocus={preloadOverrideForm}
              onClick={() => setFormOpen((open) => !open)}
            >
              {waba.wabaOverride ? 'Change WABA override' : 'Set WABA override'}
            </Button>
          )}
          {permissions.overrideWrite && waba.subscribed && waba.wabaOverride && (
            <ConfirmDialog
              triggerLabel="Clear WABA override"
              title={`Clear the WABA override of ${wabaLabel}?`}
              description={
                <>
                  <p>{consequences.clearOverride}</p>
                  <p>Numbers with their own phone number override keep it.</p>
                </>
              }
              confirmLabel="Clear WABA override"
              pendingLabel="Clearing…"
              disabled={busy}
              resultRef={resultRef}
              onConfirm={() =>
                run('override', 'WABA override cleared', () =>
                  clear.run({ wabaId: waba.wabaId, expected: waba.wabaOverride }),
                )
              }
            />
          )}
          {permissions.wabaUnsubscribe && waba.subscribed && (
            <ConfirmDialog
              triggerLabel="Unsubscribe"
              title={`Unsubscribe this app from ${wabaLabel}?`}
              description={<p>{consequences.unsubscribe}</p>}
              confirmLabel="Unsubscribe"
              pendingLabel="Unsubscribing…"
              disabled={busy}
              resultRef={resultRef}
              onConfirm={() =>
                run('subscription', `Unsubscribed from ${wabaLabel}`, () =>
                  unsubscribe.run({ wabaId: waba.wabaId }),
                )
              }
            />
          )}
        </div>
      ) : (
        <p className="mt-4 text-sm text-slate-700">
          Your role can view this WABA but not change its routing.
        </p>
      )}

      {!waba.subscribed && permissions.overrideWrite && (
        <p className="mt-3 text-sm text-slate-800">
          Graph accepts a WABA override only from a subscribed app: subscribe first to set one.
        </p>
      )}

      {formOpen && permissions.overrideWrite && waba.subscribed && (
        <div id="waba-override-form" className="mt-4 rounded-md border border-slate-200 p-4">
          <OverrideFormSuspense>
            <LazyOverrideForm
              idPrefix="waba-override"
              noun="WABA override"
              scope={scope}
              target={{ wabaId: waba.wabaId }}
              current={waba.wabaOverride}
              allowLoopback={allowLoopback}
              canTest={permissions.callbackTest}
              submitLabel="Save WABA override"
              successTitle="WABA override saved"
              save={actions.setWabaOverride}
              testCallback={actions.testCallback}
              describeAfter={describeWabaState}
              reportedOverride={(after) => after.wabaOverride}
            />
          </OverrideFormSuspense>
        </div>
      )}

      <div
        ref={resultRef}
        tabIndex={-1}
        className="mt-4 focus:outline-none"
        data-testid="subscription-result"
      >
        {last && <WabaWriteResult last={last} />}
      </div>
    </Section>
  );
}
