import { ReadFailure } from '@/components/common/read-failure';
import type { TestCallbackAction } from '@/components/overrides/types';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { NO_APP_SECRET_MESSAGE } from '@/lib/routing/app-subscription-value';
import type { AppTierRead } from '@/lib/routing/types';
import { AppSubscriptionForm } from './app-subscription-form';
import { DeleteAppSubscription } from './delete-app-subscription';
import { describeAppSubscription } from './describe-app-subscription';
import type { DeleteAppSubscriptionAction, SetAppSubscriptionAction } from './types';

interface AppTierSectionProps {
  read: AppTierRead;
  allowLoopback: boolean;
  actions: {
    setAppSubscription: SetAppSubscriptionAction;
    deleteAppSubscription: DeleteAppSubscriptionAction;
    testCallback: TestCallbackAction;
  };
}

/** Tier 3: the app callback every number falls back to, and the admin controls to change or delete it. */
export function AppTierSection({ read, allowLoopback, actions }: AppTierSectionProps) {
  if (read.kind === 'no_secret') {
    return (
      <Alert variant="warning" data-testid="app-tier" data-state="no_secret">
        <AlertTitle>The application tier cannot be read: no app secret</AlertTitle>
        <AlertDescription>
          <p>{NO_APP_SECRET_MESSAGE}</p>
        </AlertDescription>
      </Alert>
    );
  }
  if (read.kind === 'error') {
    return (
      <div data-testid="app-tier" data-state="error">
        <ReadFailure failure={read.error} title="Could not read the app subscription from Graph" />
      </div>
    );
  }
  const current = read.subscription;
  return (
    <div className="space-y-6" data-testid="app-tier" data-state="ok">
      <div className="text-sm" data-testid="app-subscription-current">
        {describeAppSubscription(current)}
      </div>
      <section aria-labelledby="app-callback-change" className="space-y-3">
        <h3 id="app-callback-change" className="text-base font-semibold text-slate-900">
          Change the app callback
        </h3>
        <AppSubscriptionForm
          current={current}
          allowLoopback={allowLoopback}
          save={actions.setAppSubscription}
          testCallback={actions.testCallback}
        />
      </section>
      <section aria-labelledby="app-callback-delete" className="space-y-2 border-t border-slate-200 pt-4">
        <h3 id="app-callback-delete" className="text-base font-semibold text-red-900">
          Delete the app subscription
        </h3>
        <p className="text-sm text-slate-800">
          Stops webhooks from every WABA to this app. Use Unsubscribe on a WABA's page to stop just one.
        </p>
        <DeleteAppSubscription appId={read.appId} current={current} remove={actions.deleteAppSubscription} />
      </section>
    </div>
  );
}
