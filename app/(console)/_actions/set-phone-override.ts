'use server';

import { z } from 'zod';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { getConfig } from '@/lib/config';
import { setPhoneOverride } from '@/lib/routing';
import { setPhoneOverrideActionSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { actingApp, withAppChoice } from '../_lib/acting-app';
import { overrideTargetOf } from '../_lib/override-target';

/**
 * Set this app's phone number override to a typed URL and token or to a managed receiver (resolved here):
 * stale check against `expected`, preflight, Graph write, read-back. The outcome carries what Graph reports.
 */
export const setPhoneOverrideAction = defineAction(
  {
    permission: 'override.write',
    schema: z.lazy(() => withAppChoice(setPhoneOverrideActionSchema(getConfig().ALLOW_LOOPBACK_CALLBACKS))),
  },
  async (input, { user }) => {
    const acting = await actingApp(input.appId, getRoutingContext);
    if (!acting.ok) return acting.result;
    const resolved = await overrideTargetOf(input);
    if (!resolved.ok) return resolved.result;
    const { phoneNumberId, expected } = input;
    return {
      ok: true,
      data: await setPhoneOverride(
        acting.ctx,
        { phoneNumberId, expected, ...resolved.target },
        changeLogActor(user),
      ),
    };
  },
);
