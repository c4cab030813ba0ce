import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import type { PreflightResult as PreflightResultView } from '@/lib/routing/types';

/** The outcome of the verification GET Switchboard sent, Meta-style. Never shows the remote body. */
export function PreflightResult({ result }: { result: PreflightResultView }) {
  return (
    <Alert variant={result.ok ? 'success' : 'destructive'} data-testid="preflight-result">
      <AlertTitle>
        {result.ok
          ? 'The callback answered the verification request correctly'
          : 'The callback failed verification'}
      </AlertTitle>
      <AlertDescription>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5">
          <dt className="font-medium">URL</dt>
          <dd className="break-all font-mono text-xs leading-5">{result.url}</dd>
          <dt className="font-medium">HTTP status</dt>
          <dd>{result.httpStatus ?? 'No response'}</dd>
          <dt className="font-medium">Time</dt>
          <dd>{result.durationMs} ms</dd>
          <dt className="font-medium">Challenge echoed</dt>
          <dd>{result.challengeEchoed ? 'Yes, exactly' : 'No'}</dd>
        </dl>
        <p>{result.explanation}</p>
      </AlertDescription>
    </Alert>
  );
}
