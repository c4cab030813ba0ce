'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/safe-action';
import { listWabas } from '@/lib/routing';
import { getRoutingContext } from '@/lib/server';
import { readSafely } from './read-safely';

/** One page of the fleet's WABAs. Listings that failed come back in `errors`, next to what did load. */
export const readWabaList = defineAction(
  {
    permission: 'data.read',
    schema: z.object({ q: z.string().max(200).default(''), page: z.coerce.number().int().min(1).default(1) }),
  },
  async ({ q, page }) => ({
    ok: true,
    data: await readSafely(async () => listWabas(await getRoutingContext(), { q, page })),
  }),
);
