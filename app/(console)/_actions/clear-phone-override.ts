'use server';

import { defineAction } from '@/lib/auth/safe-action';
import { clearPhoneOverride as runClearPhoneOverride } from '@/lib/routing';
import { clearPhoneOverrideInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { actorOf } from './actor';

/** Clear this app's phone number override (after the confirmation dialog); the number falls back a tier. */
export const clearPhoneOverride = defineAction(
  { permission: 'override.write', schema: clearPhoneOverrideInputSchema },
  async (input, { user }) => ({
    ok: true,
    data: await runClearPhoneOverride(await getRoutingContext(), input, actorOf(user)),
  }),
);
