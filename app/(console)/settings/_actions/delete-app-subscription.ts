'use server';

import { defineAction } from '@/lib/auth/safe-action';
import { deleteAppSubscription as runDeleteAppSubscription } from '@/lib/routing/app-subscription';
import { deleteAppSubscriptionInputSchema } from '@/lib/routing/validation';
import { getAppTierContext } from '@/lib/server';
import { actorOf } from '../../_actions/actor';

/**
 * Delete the app's whole WABA subscription (admins, with the app id typed): every WABA stops delivering
 * webhooks to this app at once.
 */
export const deleteAppSubscription = defineAction(
  { permission: 'settings.manage', schema: deleteAppSubscriptionInputSchema },
  async (input, { user }) => ({
    ok: true,
    data: await runDeleteAppSubscription(await getAppTierContext(), input, actorOf(user)),
  }),
);
