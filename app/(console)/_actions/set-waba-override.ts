'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/safe-action';
import { getConfig } from '@/lib/config';
import { getRoutingContext, setWabaOverride as runSetWabaOverride } from '@/lib/routing';
import { setWabaOverrideInputSchema } from '@/lib/routing/validation';
import { actorOf } from './actor';

/** Set this app's WABA override (subscribing if needed): stale check, preflight, Graph write, read-back. */
export const setWabaOverride = defineAction(
  {
    permission: 'override.write',
    schema: z.lazy(() => setWabaOverrideInputSchema(getConfig().ALLOW_LOOPBACK_CALLBACKS)),
  },
  async (input, { user }) => ({
    ok: true,
    data: await runSetWabaOverride(await getRoutingContext(), input, actorOf(user)),
  }),
);
