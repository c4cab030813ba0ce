'use server';

import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { clearWabaOverride } from '@/lib/routing';
import { clearWabaOverrideInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { actingApp, withAppChoice } from '../_lib/acting-app';

/** Clear this app's WABA override (after confirmation); its numbers without a phone override use the app URL. */
export const clearWabaOverrideAction = defineAction(
  { permission: 'override.write', schema: withAppChoice(clearWabaOverrideInputSchema) },
  async (input, { user }) => {
    const acting = await actingApp(input.appId, getRoutingContext);
    if (!acting.ok) return acting.result;
    return { ok: true, data: await clearWabaOverride(acting.ctx, input, changeLogActor(user)) };
  },
);
