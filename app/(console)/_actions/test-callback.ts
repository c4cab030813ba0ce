'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/safe-action';
import { getConfig } from '@/lib/config';
import { getRoutingContext, testCallback as runTestCallback } from '@/lib/routing';
import { preflightInputSchema } from '@/lib/routing/validation';
import { actorOf } from './actor';

/**
 * *Test callback*: the verification GET Meta would send, run alone. Nothing is written to Graph; the check is
 * recorded in the change log and in callback_checks.
 */
export const testCallback = defineAction(
  {
    permission: 'callback.test',
    // Lazy: the loopback allowance comes from the environment at request time, not at build time.
    schema: z.lazy(() => preflightInputSchema(getConfig().ALLOW_LOOPBACK_CALLBACKS)),
  },
  async ({ overrideCallbackUri, verifyToken }, { user }) => ({
    ok: true,
    data: await runTestCallback(
      await getRoutingContext(),
      { url: overrideCallbackUri, verifyToken },
      actorOf(user),
    ),
  }),
);
