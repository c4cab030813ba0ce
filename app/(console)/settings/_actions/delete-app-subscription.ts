'use server';

import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { deleteAppSubscription } from '@/lib/routing/app-subscription';
import { deleteAppSubscriptionInputSchema } from '@/lib/routing/validation';
import { getAppTierContext } from '@/lib/server';

/**
 * Delete the app's whole WABA subscription (admins, with the app id typed): every WABA stops delivering
 * webhooks to this app at once.
 */
export const deleteAppSubscriptionAction = defineAction(
  { permission: 'settings.manage', schema: deleteAppSubscriptionInputSchema },
  async (input, { user }) => ({
    ok: true,
    data: await deleteAppSubscription(await getAppTierContext(), input, changeLogActor(user)),
  }),
);
