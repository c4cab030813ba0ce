import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import type { ActionResult } from '@/lib/auth/safe-action';
import type { ChangeSettingsOutcome } from '@/lib/onprem/settings';
import { SETTING_LABELS } from '@/lib/onprem/settings-form';
import { SettingsFacts } from './settings-facts';

/** What happened, in the Coreapp's own words after the read-back. */
export function SettingsOutcome({ result }: { result: ActionResult<ChangeSettingsOutcome> }) {
  if (!result.ok) {
    return (
      <Alert variant="destructive">{result.fieldErrors ? 'Some fields need attention.' : result.error}</Alert>
    );
  }
  const outcome = result.data;
  switch (outcome.kind) {
    case 'applied':
      return (
        <Alert variant="success">
          <AlertTitle>Saved. The Coreapp now reports:</AlertTitle>
          <AlertDescription>
            <SettingsFacts settings={outcome.after} testId="onprem-read-back" />
          </AlertDescription>
        </Alert>
      );
    case 'mismatch':
      return (
        <Alert variant="warning">
          <AlertTitle>
            Saved, but the Coreapp reports other values for:{' '}
            {outcome.differs.map((k) => SETTING_LABELS[k]).join(', ')}
          </AlertTitle>
          <AlertDescription>
            <SettingsFacts settings={outcome.after} testId="onprem-read-back" />
          </AlertDescription>
        </Alert>
      );
    case 'unchanged':
      return <Alert>Nothing to change: the Coreapp already has these values.</Alert>;
    case 'stale':
      return (
        <Alert variant="warning">
          Someone changed the webhook URL since this page loaded (now {outcome.current || 'none'}). Nothing
          was sent; reload and try again.
        </Alert>
      );
    case 'preflight_failed':
      return (
        <Alert variant="destructive">
          <AlertTitle>Not saved: the new webhook URL did not answer.</AlertTitle>
          <AlertDescription>{outcome.explanation}</AlertDescription>
        </Alert>
      );
    case 'coreapp_error':
      return <Alert variant="destructive">{outcome.message}</Alert>;
    case 'not_found':
      return <Alert variant="destructive">This deployment is no longer registered.</Alert>;
  }
}
