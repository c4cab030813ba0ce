'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/safe-action';
import { getWaba } from '@/lib/routing';
import { getRoutingContext } from '@/lib/server';
import { readSafely } from './read-safely';

/** One WABA with its subscribed apps and numbers, read from Graph now; `null` data when unknown. */
export const readWaba = defineAction(
  { permission: 'data.read', schema: z.object({ wabaId: z.string().max(64) }) },
  async ({ wabaId }) => ({
    ok: true,
    data: await readSafely(async () => getWaba(await getRoutingContext(), wabaId)),
  }),
);
