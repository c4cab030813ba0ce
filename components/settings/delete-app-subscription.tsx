'use client';

import { useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { WriteOutcomeAlert } from '@/components/overrides/write-outcome-alert';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { appSubscriptionValue } from '@/lib/routing/app-subscription-value';
import type { AppSubscriptionView } from '@/lib/routing/types';
import { describeAppSubscription, describeAppSubscriptionValue } from './describe-app-subscription';
import type { DeleteAppSubscriptionAction } from './types';
import { useAppTierWrite } from './use-app-tier-write';

interface DeleteAppSubscriptionProps {
  appId: string;
  /** Null when there is nothing to delete: the button stays (disabled) so a result shown under it survives. */
  current: AppSubscriptionView | null;
  remove: DeleteAppSubscriptionAction;
}

/**
 * Deleting the app subscription stops every WABA's webhooks to this app, whatever the overrides say
 * (docs/graph-facts.md §5, §9 item 5). The dialog says so and only confirms once the app id is typed.
 */
export function DeleteAppSubscription({ appId, current, remove }: DeleteAppSubscriptionProps) {
  const [typed, setTyped] = useState('');
  const resultRef = useRef<HTMLDivElement>(null);
  const write = useAppTierWrite(remove);
  const result = write.state;
  const matches = typed.trim() === appId;

  return (
    <div className="space-y-2">
      <ConfirmDialog
        triggerLabel="Delete app subscription"
        title={`Delete the app subscription of app ${appId}?`}
        description={
          <>
            <p className="font-semibold text-red-900">
              Every WABA stops sending webhooks to this app at once: no messages, statuses or template updates
              reach it from any WhatsApp Business Account, whatever the phone number and WABA overrides say.
            </p>
            <p>
              The app callback <span className="font-mono text-xs break-all">{current?.callbackUrl}</span> and
              its fields are removed. Setting them again later needs the receiver to pass Meta&apos;s
              verification.
            </p>
          </>
        }
        confirmLabel="Delete app subscription"
        pendingLabel="Deleting…"
        disabled={!current?.callbackUrl}
        confirmDisabled={!matches}
        resultRef={resultRef}
        onConfirm={async () => {
          await write.run({ confirmAppId: typed, expected: appSubscriptionValue(current) ?? '' });
          setTyped('');
        }}
      >
        <div className="space-y-1">
          <Label htmlFor="confirm-app-id">
            Type the app id <span className="font-mono">{appId}</span> to confirm
          </Label>
          <Input
            id="confirm-app-id"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-describedby="confirm-app-id-error"
          />
          <FieldError
            id="confirm-app-id-error"
            message={typed && !matches ? 'This is not the app id shown above.' : null}
          />
        </div>
      </ConfirmDialog>
      <div
        ref={resultRef}
        tabIndex={-1}
        className="focus:outline-none"
        data-testid="app-subscription-delete-result"
      >
        {result &&
          (result.ok ? (
            <WriteOutcomeAlert
              outcome={result.data}
              successTitle="App subscription deleted"
              noun="app subscription"
              describeAfter={describeAppSubscription}
              describeValue={describeAppSubscriptionValue}
            />
          ) : (
            <p className="text-sm font-medium text-red-900">{result.error}</p>
          ))}
      </div>
    </div>
  );
}
