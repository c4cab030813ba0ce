import { GraphErrorAlert } from '@/components/common/graph-error-alert';
import { Timestamp } from '@/components/common/timestamp';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import type { TokenCheck } from '@/lib/settings/connection';

/** The result of `GET /debug_token` for the configured access token. */
export function TokenCheckResult({ check }: { check: TokenCheck }) {
  if (check.kind === 'error') {
    return (
      <div data-testid="token-check" data-valid="unknown">
        <GraphErrorAlert error={check.error} title="The token could not be checked" />
      </div>
    );
  }
  const healthy = check.valid && check.problems.length === 0;
  return (
    <div className="space-y-3" data-testid="token-check" data-valid={String(check.valid)}>
      <Alert variant={!check.valid ? 'destructive' : healthy ? 'success' : 'warning'}>
        <AlertTitle>
          {!check.valid
            ? 'The access token is not valid'
            : healthy
              ? 'The access token is valid'
              : 'The access token is valid, with problems'}
        </AlertTitle>
        <AlertDescription>
          {check.problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
          {healthy && <p>Graph accepts it for this app with the permissions routing needs.</p>}
        </AlertDescription>
      </Alert>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
        <dt className="font-medium">App</dt>
        <dd>
          {check.application ?? 'Unknown'}
          {check.appId && <span className="ml-2 font-mono text-xs">{check.appId}</span>}
        </dd>
        <dt className="font-medium">Type</dt>
        <dd>{check.type ?? 'Unknown'}</dd>
        <dt className="font-medium">Scopes</dt>
        <dd className="font-mono text-xs leading-5">{check.scopes.join(', ') || 'none'}</dd>
        <dt className="font-medium">Expires</dt>
        <dd>{check.expiresAt ? <Timestamp iso={check.expiresAt} /> : 'Never'}</dd>
        <dt className="font-medium">Checked with</dt>
        <dd>
          {check.checkedWith === 'app_token'
            ? 'the app access token (APP_ID|APP_SECRET)'
            : 'the token itself (no app secret configured)'}
        </dd>
      </dl>
    </div>
  );
}
