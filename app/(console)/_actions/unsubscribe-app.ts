'use server';

import { defineAction } from '@/lib/auth/safe-action';
import { unsubscribeApp as runUnsubscribeApp } from '@/lib/routing';
import { wabaSubscriptionInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { actorOf } from './actor';

/** Unsubscribe this app from a WABA (admins, after confirmation): every webhook for it stops at once. */
export const unsubscribeApp = defineAction(
  { permission: 'waba.unsubscribe', schema: wabaSubscriptionInputSchema },
  async (input, { user }) => ({
    ok: true,
    data: await runUnsubscribeApp(await getRoutingContext(), input, actorOf(user)),
  }),
);
