'use server';

import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { deleteAppSubscription } from '@/lib/routing/app-subscription';
import { deleteAppSubscriptionInputSchema } from '@/lib/routing/validation';
import { getAppTierContext } from '@/lib/server';
import { actingApp, withAppChoice } from '../../_lib/acting-app';

/**
 * Delete the app's whole WABA subscription (admins, with the app id typed): every WABA stops delivering
 * webhooks to this app at once.
 */
export const deleteAppSubscriptionAction = defineAction(
  { permission: 'settings.manage', schema: withAppChoice(deleteAppSubscriptionInputSchema) },
  async (input, { user }) => {
    const acting = await actingApp(input.appId, getAppTierContext);
    if (!acting.ok) return acting.result;
    return { ok: true, data: await deleteAppSubscription(acting.ctx, input, changeLogActor(user)) };
  },
);
