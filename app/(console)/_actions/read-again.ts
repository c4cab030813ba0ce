'use server';

import { defineAction } from '@/lib/auth/safe-action';
import { readAgain, readAgainInputSchema } from '@/lib/routing/read-again';
import { getAppTierContext } from '@/lib/server';
import { actingApp, withAppChoice } from '../_lib/acting-app';

/**
 * Re-reads the target of an `unverified` write, through the app the write acted as (`appId`: its token sees
 * its own overrides only; the default app without it). Only writers get that outcome, so only they may ask:
 * viewers read the same state on the pages, and cannot spend Graph quota through this action.
 */
export const readAgainAction = defineAction(
  { permission: 'override.write', schema: withAppChoice(readAgainInputSchema) },
  async ({ appId, ...input }) => {
    const acting = await actingApp(appId, getAppTierContext);
    if (!acting.ok) return acting.result;
    return { ok: true, data: await readAgain(acting.ctx, input) };
  },
);
