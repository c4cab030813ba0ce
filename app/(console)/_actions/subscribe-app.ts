'use server';

import { defineAction } from '@/lib/auth/safe-action';
import { subscribeApp as runSubscribeApp } from '@/lib/routing';
import { wabaSubscriptionInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { actorOf } from './actor';

/** Subscribe this app to a WABA so its numbers' webhooks reach the app; refused when already subscribed. */
export const subscribeApp = defineAction(
  { permission: 'waba.subscribe', schema: wabaSubscriptionInputSchema },
  async (input, { user }) => ({
    ok: true,
    data: await runSubscribeApp(await getRoutingContext(), input, actorOf(user)),
  }),
);
