'use server';

import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { clearPhoneOverride } from '@/lib/routing';
import { clearPhoneOverrideInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { actingApp, withAppChoice } from '../_lib/acting-app';

/** Clear this app's phone number override (after the confirmation dialog); the number falls back a tier. */
export const clearPhoneOverrideAction = defineAction(
  { permission: 'override.write', schema: withAppChoice(clearPhoneOverrideInputSchema) },
  async (input, { user }) => {
    const acting = await actingApp(input.appId, getRoutingContext);
    if (!acting.ok) return acting.result;
    return { ok: true, data: await clearPhoneOverride(acting.ctx, input, changeLogActor(user)) };
  },
);
