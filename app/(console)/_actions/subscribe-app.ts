'use server';

import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { subscribeApp } from '@/lib/routing';
import { wabaSubscriptionInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { actingApp, withAppChoice } from '../_lib/acting-app';

/** Subscribe this app to a WABA so its numbers' webhooks reach the app; refused when already subscribed. */
export const subscribeAppAction = defineAction(
  { permission: 'waba.subscribe', schema: withAppChoice(wabaSubscriptionInputSchema) },
  async (input, { user }) => {
    const acting = await actingApp(input.appId, getRoutingContext);
    if (!acting.ok) return acting.result;
    return { ok: true, data: await subscribeApp(acting.ctx, input, changeLogActor(user)) };
  },
);
