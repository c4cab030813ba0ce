'use server';

import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { clearWabaOverride } from '@/lib/routing';
import { clearWabaOverrideInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';

/** Clear this app's WABA override (after confirmation); its numbers without a phone override use the app URL. */
export const clearWabaOverrideAction = defineAction(
  { permission: 'override.write', schema: clearWabaOverrideInputSchema },
  async (input, { user }) => ({
    ok: true,
    data: await clearWabaOverride(await getRoutingContext(), input, changeLogActor(user)),
  }),
);
