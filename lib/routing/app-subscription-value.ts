/**
 * Shared by the application-tier service and its form (no `server-only`): the compared value of the tier and
 * the sentence for a deployment without an app secret.
 */
import type { AppSubscriptionView } from './types';

export const NO_APP_SECRET_MESSAGE =
  'META_APP_SECRET is not configured, so Switchboard cannot form the app access token (APP_ID|APP_SECRET) that /<APP_ID>/subscriptions requires. Set it and restart to read or change the application tier.';

/**
 * The compared value of the application tier: its URL and its fields (sorted), so a change of either is
 * caught by the stale check and confirmed by the read-back. Null when the app has no WABA subscription.
 */
export function appSubscriptionValue(view: AppSubscriptionView | null): string | null {
  if (!view?.callbackUrl) return null;
  return `${view.callbackUrl} (fields: ${view.fields.join(', ') || 'none'})`;
}
