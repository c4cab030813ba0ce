'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/safe-action';
import { getNumber } from '@/lib/routing';
import { getRoutingContext } from '@/lib/server';
import { readSafely } from './read-safely';

/** One number read from Graph now; `null` data when Graph or the configured businesses do not know it. */
export const readNumber = defineAction(
  { permission: 'data.read', schema: z.object({ phoneNumberId: z.string().max(64) }) },
  async ({ phoneNumberId }) => ({
    ok: true,
    data: await readSafely(async () => getNumber(await getRoutingContext(), phoneNumberId)),
  }),
);
