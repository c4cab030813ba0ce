'use server';

import { z } from 'zod';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { getConfig } from '@/lib/config';
import { setWabaOverride } from '@/lib/routing';
import { setWabaOverrideActionSchema } from '@/lib/routing/validation';
import { getRoutingContext } from '@/lib/server';
import { actingApp, withAppChoice } from '../_lib/acting-app';
import { overrideTargetOf } from '../_lib/override-target';

/**
 * Set this app's WABA override (subscribing if needed) to a typed URL and token or to a managed receiver
 * (resolved here): stale check, preflight, Graph write, read-back.
 */
export const setWabaOverrideAction = defineAction(
  {
    permission: 'override.write',
    schema: z.lazy(() => withAppChoice(setWabaOverrideActionSchema(getConfig().ALLOW_LOOPBACK_CALLBACKS))),
  },
  async (input, { user }) => {
    const acting = await actingApp(input.appId, getRoutingContext);
    if (!acting.ok) return acting.result;
    const resolved = await overrideTargetOf(input);
    if (!resolved.ok) return resolved.result;
    const { wabaId, expected } = input;
    return {
      ok: true,
      data: await setWabaOverride(acting.ctx, { wabaId, expected, ...resolved.target }, changeLogActor(user)),
    };
  },
);
