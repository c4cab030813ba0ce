import { CallbackUrl } from '@/components/routing/callback-url';
import type { AppSubscriptionView } from '@/lib/routing/types';

/** The application tier in words: callback URL, fields and active flag, or that there is none. */
export function describeAppSubscription(view: AppSubscriptionView | null) {
  if (!view?.callbackUrl) {
    return (
      <p data-testid="read-back">
        No app subscription for WhatsApp Business Accounts: no WABA delivers webhooks to this app.
      </p>
    );
  }
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid="read-back">
      <dt className="font-medium">Callback URL</dt>
      <dd>
        <CallbackUrl url={view.callbackUrl} />
      </dd>
      <dt className="font-medium">Fields</dt>
      <dd className="font-mono text-xs leading-5">{view.fields.join(', ') || 'none'}</dd>
      <dt className="font-medium">Active</dt>
      <dd>{view.active ? 'Yes' : 'No'}</dd>
    </dl>
  );
}

/** The compared value (URL and fields) in mismatch and stale messages. */
export function describeAppSubscriptionValue(value: string | null) {
  return value ? <span className="font-mono text-xs break-all">{value}</span> : 'no app subscription';
}
