'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/safe-action';
import { getConfig } from '@/lib/config';
import { getRoutingContext, setPhoneOverride as runSetPhoneOverride } from '@/lib/routing';
import { setPhoneOverrideInputSchema } from '@/lib/routing/validation';
import { actorOf } from './actor';

/**
 * Set this app's phone number override: stale check against `expected`, preflight, Graph write, read-back.
 * The outcome carries what Graph reports afterwards.
 */
export const setPhoneOverride = defineAction(
  {
    permission: 'override.write',
    schema: z.lazy(() => setPhoneOverrideInputSchema(getConfig().ALLOW_LOOPBACK_CALLBACKS)),
  },
  async (input, { user }) => ({
    ok: true,
    data: await runSetPhoneOverride(await getRoutingContext(), input, actorOf(user)),
  }),
);
