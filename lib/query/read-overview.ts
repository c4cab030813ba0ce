'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/safe-action';
import { getOverview } from '@/lib/routing';
import { getRoutingContext } from '@/lib/server';
import { readSafely } from './read-safely';

/** Fleet counts and warnings from the (briefly cached) fleet scan; `refresh` scans Graph again. */
export const readOverview = defineAction(
  { permission: 'data.read', schema: z.object({ refresh: z.boolean().default(false) }) },
  async ({ refresh }) => ({
    ok: true,
    data: await readSafely(async () => getOverview(await getRoutingContext(), { refresh })),
  }),
);
