'use server';

import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { subscribeApp } from '@/lib/routing';
import { wabaSubscriptionInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';

/** Subscribe this app to a WABA so its numbers' webhooks reach the app; refused when already subscribed. */
export const subscribeAppAction = defineAction(
  { permission: 'waba.subscribe', schema: wabaSubscriptionInputSchema },
  async (input, { user }) => ({
    ok: true,
    data: await subscribeApp(await getRoutingContext(), input, changeLogActor(user)),
  }),
);
