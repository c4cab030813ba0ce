'use server';

import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { unsubscribeApp } from '@/lib/routing';
import { wabaSubscriptionInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { actingApp, withAppChoice } from '../_lib/acting-app';

/** Unsubscribe this app from a WABA (admins, after confirmation): every webhook for it stops at once. */
export const unsubscribeAppAction = defineAction(
  { permission: 'waba.unsubscribe', schema: withAppChoice(wabaSubscriptionInputSchema) },
  async (input, { user }) => {
    const acting = await actingApp(input.appId, getRoutingContext);
    if (!acting.ok) return acting.result;
    return { ok: true, data: await unsubscribeApp(acting.ctx, input, changeLogActor(user)) };
  },
);
