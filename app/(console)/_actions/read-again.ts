'use server';

import { defineAction } from '@/lib/auth/safe-action';
import { readAgain, readAgainInputSchema } from '@/lib/routing/read-again';
import { getAppTierContext } from '@/lib/server';

/** Re-reads the target of an `unverified` write: a read, so anyone who may see the console may ask. */
export const readAgainAction = defineAction(
  { permission: 'data.read', schema: readAgainInputSchema },
  async (input) => ({ ok: true, data: await readAgain(await getAppTierContext(), input) }),
);
