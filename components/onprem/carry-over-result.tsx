import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import type { ActionResult } from '@/lib/auth/safe-action';
import type { BulkCarryOutcome, CarryOverOutcome } from '@/lib/onprem/bridge';

export function CarryOverResult({ result }: { result: ActionResult<CarryOverOutcome> }) {
  if (!result.ok)
    return (
      <Alert variant="destructive">
        {result.fieldErrors ? Object.values(result.fieldErrors)[0]?.[0] : result.error}
      </Alert>
    );
  const data = result.data;
  if (data.kind === 'refused') return <Alert variant="destructive">{data.message}</Alert>;
  const outcome = data.outcome;
  switch (outcome.kind) {
    case 'applied':
      return (
        <Alert variant="success">
          Carried over. Graph now reports the phone override{' '}
          <span className="font-mono text-xs break-all">{outcome.after.tiers.phone_number ?? '(none)'}</span>.
        </Alert>
      );
    case 'mismatch':
      return <Alert variant="warning">Written, but Graph reports {outcome.reported ?? 'no override'}.</Alert>;
    case 'stale':
      return (
        <Alert variant="warning">
          Its phone override changed since the page loaded. Reload and try again.
        </Alert>
      );
    case 'preflight_failed':
      return (
        <Alert variant="destructive">
          <AlertTitle>Not carried over: the URL failed the verification check.</AlertTitle>
          <AlertDescription>{outcome.preflight.explanation}</AlertDescription>
        </Alert>
      );
    case 'graph_error':
      return <Alert variant="destructive">{outcome.error.message}</Alert>;
    case 'refused':
      return <Alert variant="destructive">{outcome.message}</Alert>;
  }
}

export function BulkCarryResult({ result }: { result: ActionResult<BulkCarryOutcome> }) {
  if (!result.ok)
    return (
      <Alert variant="destructive">
        {result.fieldErrors ? Object.values(result.fieldErrors)[0]?.[0] : result.error}
      </Alert>
    );
  const data = result.data;
  if (data.kind === 'refused') return <Alert variant="destructive">{data.message}</Alert>;
  if (data.kind === 'preflight_failed') {
    return (
      <Alert variant="destructive">
        <AlertTitle>Nothing carried over: the URL failed the verification check.</AlertTitle>
        <AlertDescription>{data.preflight.explanation}</AlertDescription>
      </Alert>
    );
  }
  const applied = data.items.filter((i) => i.result === 'applied').length;
  const failed = data.items.filter((i) => i.result === 'failed').length;
  return (
    <Alert variant={failed ? 'warning' : 'success'}>
      <AlertTitle>
        {applied} carried over, {failed} failed, {data.items.length - applied - failed} skipped.
      </AlertTitle>
      <AlertDescription>
        <ul className="list-disc pl-5 text-sm">
          {data.items.map((item) => (
            <li key={item.phoneNumberId}>
              <span className="font-mono">{item.phoneNumberId}</span>: {item.message}
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}
