import type { ReactNode } from 'react';
import { GraphErrorAlert } from '@/components/common/graph-error-alert';
import { PreflightResult } from '@/components/common/preflight-result';
import { CallbackUrl } from '@/components/routing/callback-url';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import type { WriteOutcome } from '@/lib/routing/types';
import { ReadAgainButton } from './read-again-button';

interface WriteOutcomeAlertProps<T> {
  outcome: WriteOutcome<T>;
  /** e.g. "Phone number override set". */
  successTitle: string;
  /** e.g. "phone number override" — used in the stale and mismatch sentences. */
  noun: string;
  /** What Graph reports after the write (the read-back), in words. */
  describeAfter: (after: T) => ReactNode;
  /** How to show the compared value in mismatch and stale messages; defaults to a URL ("no override"). */
  describeValue?: (value: string | null) => ReactNode;
  subscribeAction?: ReactNode;
}

const urlValue = (value: string | null) => <CallbackUrl url={value} empty="no override" />;

/** The result of one routing write: always what Graph reports now, never what we hoped it would. */
export function WriteOutcomeAlert<T>({
  outcome,
  successTitle,
  noun,
  describeAfter,
  describeValue = urlValue,
  subscribeAction,
}: WriteOutcomeAlertProps<T>) {
  switch (outcome.kind) {
    case 'applied':
      return (
        <Alert variant="success" data-testid="write-outcome" data-outcome="applied">
          <AlertTitle>{successTitle}</AlertTitle>
          <AlertDescription>
            <p>Read back from Graph:</p>
            {describeAfter(outcome.after)}
          </AlertDescription>
        </Alert>
      );
    case 'mismatch':
      return (
        <Alert variant="warning" data-testid="write-outcome" data-outcome="mismatch">
          <AlertTitle>Graph accepted the request but reports something else</AlertTitle>
          <AlertDescription>
            <p>
              You asked for {describeValue(outcome.requested)}; Graph now reports{' '}
              {describeValue(outcome.reported)} as the {noun}. Check the receiver and Meta’s status before
              trying again.
            </p>
            {describeAfter(outcome.after)}
          </AlertDescription>
        </Alert>
      );
    case 'stale':
      return (
        <Alert variant="warning" data-testid="write-outcome" data-outcome="stale">
          <AlertTitle>Not saved: the {noun} changed since this page was loaded</AlertTitle>
          <AlertDescription>
            <p>
              Graph now reports {describeValue(outcome.current)}; this page showed{' '}
              {describeValue(outcome.expected)}. Someone (or something) changed it in the meantime.
            </p>
            <p>
              Nothing was sent to Graph. The page now shows the current value; submit again to replace it.
            </p>
          </AlertDescription>
        </Alert>
      );
    case 'preflight_failed':
      return (
        <div className="space-y-2" data-testid="write-outcome" data-outcome="preflight_failed">
          <p className="text-sm font-semibold text-red-900">
            Not saved: the callback did not pass verification, so nothing was sent to Graph.
          </p>
          <PreflightResult result={outcome.preflight} />
        </div>
      );
    case 'refused':
      return (
        <Alert variant="destructive" data-testid="write-outcome" data-outcome="refused">
          <AlertTitle>Not sent to Graph</AlertTitle>
          <AlertDescription>
            <p>{outcome.message}</p>
          </AlertDescription>
        </Alert>
      );
    case 'unverified':
      return (
        <Alert variant="warning" data-testid="write-outcome" data-outcome="unverified">
          <AlertTitle>Applied, not verified: Graph accepted the change but reading it back failed</AlertTitle>
          <AlertDescription>
            <p>
              Graph answered the write with success, so the {noun} is most likely{' '}
              {describeValue(outcome.requested)} now; reading it back failed: {outcome.error.message}
            </p>
            <ReadAgainButton
              action={outcome.action}
              targetId={outcome.targetId}
              appId={outcome.appId}
              requested={outcome.requested}
              describeValue={describeValue}
            />
          </AlertDescription>
        </Alert>
      );
    case 'graph_error':
      return (
        <div data-testid="write-outcome" data-outcome="graph_error">
          <GraphErrorAlert
            error={outcome.error}
            title="Graph refused the change"
            subscribeAction={subscribeAction}
          />
        </div>
      );
  }
}
