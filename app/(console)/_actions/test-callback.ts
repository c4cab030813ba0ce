'use server';

import { z } from 'zod';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { getConfig } from '@/lib/config';
import { testCallback } from '@/lib/routing';
import { testCallbackActionSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { overrideTargetOf } from '../_lib/override-target';

/**
 * *Test callback*: the verification GET Meta would send, run alone, to a typed URL and token or to a managed
 * receiver (resolved here). Nothing is written to Graph; the check is recorded in the change log and in
 * callback_checks.
 */
export const testCallbackAction = defineAction(
  {
    permission: 'callback.test',
    // Lazy: the loopback allowance comes from the environment at request time, not at build time.
    schema: z.lazy(() => testCallbackActionSchema(getConfig().ALLOW_LOOPBACK_CALLBACKS)),
  },
  async (input, { user }) => {
    const resolved = await overrideTargetOf(input);
    if (!resolved.ok) return resolved.result;
    const { overrideCallbackUri, verifyToken, receiver } = resolved.target;
    return {
      ok: true,
      data: await testCallback(
        await getRoutingContext(),
        { url: overrideCallbackUri, verifyToken, receiver },
        changeLogActor(user),
      ),
    };
  },
);
