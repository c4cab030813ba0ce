import 'server-only';
import { getAppTier } from '@/lib/routing/app-subscription';
import type { AppTierRead } from '@/lib/routing/types';
import type { DoctorContext } from './context';
import type { DoctorCheck } from './types';

const FIX = { kind: 'app_settings', label: 'Open the app subscription' } as const;

/** `app_subscription` and `messages_field`, from one read of /<APP_ID>/subscriptions. */
export async function appChecks(ctx: DoctorContext): Promise<{ tier: AppTierRead; checks: DoctorCheck[] }> {
  const tier = await getAppTier(ctx);
  if (tier.kind === 'no_secret') {
    const reason =
      'META_APP_SECRET is not configured, so Switchboard cannot read /<APP_ID>/subscriptions (it needs the app access token).';
    return {
      tier,
      checks: [
        {
          id: 'app_subscription',
          status: 'skip',
          title: 'The app-level subscription was not checked.',
          detail: reason,
        },
        {
          id: 'messages_field',
          status: 'skip',
          title: 'The subscribed fields were not checked.',
          detail: reason,
        },
      ],
    };
  }
  if (tier.kind === 'error') {
    const reason = `GET /${tier.appId}/subscriptions failed: ${tier.error.message}`;
    return {
      tier,
      checks: [
        {
          id: 'app_subscription',
          status: 'skip',
          title: 'The app-level subscription could not be read.',
          detail: reason,
        },
        {
          id: 'messages_field',
          status: 'skip',
          title: 'The subscribed fields could not be read.',
          detail: reason,
        },
      ],
    };
  }
  const evidence = `GET /${tier.appId}/subscriptions at ${tier.readAt}`;
  const sub = tier.subscription;
  const skipFields: DoctorCheck = {
    id: 'messages_field',
    status: 'skip',
    title: 'No subscription, so no fields to check.',
    detail: 'The app has no usable whatsapp_business_account subscription (see the check above).',
  };
  if (!sub) {
    return {
      tier,
      checks: [
        {
          id: 'app_subscription',
          status: 'fail',
          title: 'The app has no whatsapp_business_account subscription at the app level.',
          detail: `${evidence} listed no whatsapp_business_account object. Without it Meta delivers no WhatsApp webhooks to this app at all, overrides included.`,
          fix: FIX,
        },
        skipFields,
      ],
    };
  }
  const appCheck: DoctorCheck =
    !sub.active || !sub.callbackUrl
      ? {
          id: 'app_subscription',
          status: 'fail',
          title: sub.active
            ? 'The app-level subscription has no callback URL.'
            : 'The app-level subscription is not active.',
          detail: `${evidence}: active ${sub.active}, callback_url ${sub.callbackUrl ?? 'none'}.`,
          fix: FIX,
        }
      : {
          id: 'app_subscription',
          status: 'pass',
          title: 'The app is subscribed to whatsapp_business_account with a callback URL.',
          detail: `${evidence}: active, callback_url ${sub.callbackUrl}.`,
        };
  const fields = sub.fields.join(', ') || 'none';
  const fieldCheck: DoctorCheck = sub.fields.includes('messages')
    ? {
        id: 'messages_field',
        status: 'pass',
        title: 'The subscription includes the messages field.',
        detail: `${evidence}: fields ${fields}.`,
      }
    : {
        id: 'messages_field',
        status: 'fail',
        title: 'The subscription lacks the messages field, so no messages are delivered on any tier.',
        detail: `${evidence}: fields ${fields}. Overrides only redirect fields the app subscribed to; without messages they route nothing.`,
        fix: { kind: 'app_settings', label: 'Add the messages field' },
      };
  return { tier, checks: [appCheck, fieldCheck] };
}
