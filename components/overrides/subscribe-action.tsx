'use client';

import { useRef } from 'react';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { LazySubscribePreview } from '@/components/wabas/lazy-subscribe-preview';
import type { WabaSummary } from '@/lib/routing/types';
import { describeWabaState } from './describe-after';
import { LazyWriteOutcomeAlert } from './lazy-write-outcome-alert';
import type { WriteAction } from './types';
import { useRoutingWrite } from './use-routing-write';

interface SubscribeActionProps {
  wabaId: string;
  wabaLabel: string;
  subscribeApp: WriteAction<{ wabaId: string }, WabaSummary>;
  /** Set on a number page, so that number's cached route is refreshed too. */
  phoneNumberId?: string;
}

/** "Subscribe this app", after a confirmation naming where the WABA's numbers start delivering, offered where it is the fix: an unsubscribed WABA, or Graph's `(#100) Before override…`. */
export function SubscribeAction({ wabaId, wabaLabel, subscribeApp, phoneNumberId }: SubscribeActionProps) {
  const write = useRoutingWrite(subscribeApp, { wabaId, phoneNumberId });
  const resultRef = useRef<HTMLDivElement>(null);
  const result = write.state;
  return (
    <div className="space-y-2">
      <ConfirmDialog
        tone="default"
        triggerLabel={`Subscribe this app to ${wabaLabel}`}
        title={`Subscribe this app to ${wabaLabel}?`}
        description={<LazySubscribePreview wabaId={wabaId} wabaLabel={wabaLabel} />}
        confirmLabel="Subscribe"
        pendingLabel="Subscribing…"
        resultRef={resultRef}
        onConfirm={() => write.run({ wabaId })}
      />
      <div ref={resultRef} tabIndex={-1} className="focus:outline-none">
        {result &&
          (result.ok ? (
            <LazyWriteOutcomeAlert
              outcome={result.data}
              successTitle={`Subscribed to ${wabaLabel}`}
              noun="subscription"
              describeAfter={describeWabaState}
              describeValue={(v) => (v ? 'subscribed' : 'not subscribed')}
            />
          ) : (
            <p className="text-sm font-medium text-red-900">{result.error}</p>
          ))}
      </div>
    </div>
  );
}
