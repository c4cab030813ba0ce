import { describeWabaState } from '@/components/overrides/describe-after';
import { LazyWriteOutcomeAlert } from '@/components/overrides/lazy-write-outcome-alert';
import { Alert, AlertTitle } from '@/components/ui/alert';
import type { ActionResult } from '@/lib/auth/safe-action';
import type { WabaSummary, WriteOutcome } from '@/lib/routing/types';

export interface LastWrite {
  /** Subscription writes compare "subscribed"; override writes compare URLs. */
  compares: 'subscription' | 'override';
  successTitle: string;
  result: ActionResult<WriteOutcome<WabaSummary>>;
}

const subscriptionValue = (value: string | null) => (value ? 'subscribed' : 'not subscribed');

/** The outcome of the last subscribe, unsubscribe or clear on this WABA, with Graph's read-back. */
export function WabaWriteResult({ last }: { last: LastWrite }) {
  if (!last.result.ok) {
    return (
      <Alert variant="destructive">
        <AlertTitle>{last.result.error}</AlertTitle>
      </Alert>
    );
  }
  const subscription = last.compares === 'subscription';
  return (
    <LazyWriteOutcomeAlert
      outcome={last.result.data}
      successTitle={last.successTitle}
      noun={subscription ? 'subscription' : 'WABA override'}
      describeAfter={describeWabaState}
      describeValue={subscription ? subscriptionValue : undefined}
    />
  );
}
