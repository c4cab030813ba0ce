'use server';

import { defineAction } from '@/lib/auth/safe-action';
import { readAgain, readAgainInputSchema } from '@/lib/routing/read-again';
import { getAppTierContext } from '@/lib/server';

/**
 * Re-reads the target of an `unverified` write. Only writers get that outcome, so only they may ask: viewers
 * read the same state on the pages, and cannot spend Graph quota through this action.
 */
export const readAgainAction = defineAction(
  { permission: 'override.write', schema: readAgainInputSchema },
  async (input) => ({ ok: true, data: await readAgain(await getAppTierContext(), input) }),
);
