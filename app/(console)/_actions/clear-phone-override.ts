'use server';

import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { clearPhoneOverride } from '@/lib/routing';
import { clearPhoneOverrideInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';

/** Clear this app's phone number override (after the confirmation dialog); the number falls back a tier. */
export const clearPhoneOverrideAction = defineAction(
  { permission: 'override.write', schema: clearPhoneOverrideInputSchema },
  async (input, { user }) => ({
    ok: true,
    data: await clearPhoneOverride(await getRoutingContext(), input, changeLogActor(user)),
  }),
);
