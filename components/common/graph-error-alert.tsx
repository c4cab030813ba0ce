import type { ReactNode } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import type { GraphFailureView } from '@/lib/routing/types';

interface GraphErrorAlertProps {
  error: GraphFailureView;
  title?: string;
  /** Shown when Graph says the app must subscribe first (the `(#100) Before override…` case). */
  subscribeAction?: ReactNode;
}

/**
 * A Graph failure as one sentence. describeGraphError (lib/routing) writes it: what happened, what to do (for
 * rate limits, when to retry) and the code and fbtrace_id support needs to follow it up with Meta.
 */
export function GraphErrorAlert({
  error,
  title = 'Graph refused the request',
  subscribeAction,
}: GraphErrorAlertProps) {
  return (
    <Alert variant="destructive" data-testid="graph-error" data-code={error.code ?? undefined}>
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        {error.context && <p className="font-medium">{error.context}</p>}
        <p>{error.message}</p>
        {error.suggestSubscribe && subscribeAction}
      </AlertDescription>
    </Alert>
  );
}
