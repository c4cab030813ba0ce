'use server';

import { z } from 'zod';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { getConfig } from '@/lib/config';
import { setAppSubscription } from '@/lib/routing/app-subscription';
import { setAppSubscriptionInputSchema } from '@/lib/routing/validation';
import { getAppTierContext } from '@/lib/server';
import { actingApp, withAppChoice } from '../../_lib/acting-app';

/** Set the app callback URL, verify token and fields (admins): stale check, preflight, Graph write, read-back. */
export const setAppSubscriptionAction = defineAction(
  {
    permission: 'settings.manage',
    // Lazy: the loopback allowance comes from the environment at request time, not at build time.
    schema: z.lazy(() => withAppChoice(setAppSubscriptionInputSchema(getConfig().ALLOW_LOOPBACK_CALLBACKS))),
  },
  async (input, { user }) => {
    const acting = await actingApp(input.appId, getAppTierContext);
    if (!acting.ok) return acting.result;
    return { ok: true, data: await setAppSubscription(acting.ctx, input, changeLogActor(user)) };
  },
);
