'use server';

import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { unsubscribeApp } from '@/lib/routing';
import { wabaSubscriptionInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';

/** Unsubscribe this app from a WABA (admins, after confirmation): every webhook for it stops at once. */
export const unsubscribeAppAction = defineAction(
  { permission: 'waba.unsubscribe', schema: wabaSubscriptionInputSchema },
  async (input, { user }) => ({
    ok: true,
    data: await unsubscribeApp(await getRoutingContext(), input, changeLogActor(user)),
  }),
);
