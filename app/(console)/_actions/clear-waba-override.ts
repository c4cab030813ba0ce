'use server';

import { defineAction } from '@/lib/auth/safe-action';
import { clearWabaOverride as runClearWabaOverride } from '@/lib/routing';
import { clearWabaOverrideInputSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { actorOf } from './actor';

/** Clear this app's WABA override (after confirmation); its numbers without a phone override use the app URL. */
export const clearWabaOverride = defineAction(
  { permission: 'override.write', schema: clearWabaOverrideInputSchema },
  async (input, { user }) => ({
    ok: true,
    data: await runClearWabaOverride(await getRoutingContext(), input, actorOf(user)),
  }),
);
