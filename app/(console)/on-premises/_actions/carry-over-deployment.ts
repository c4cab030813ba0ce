'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/safe-action';
import { type BulkCarryOutcome, carryOverAll } from '@/lib/onprem/bridge';
import { getOnpremContext } from '@/lib/server';
import { carryOverAllSchema } from './schemas';

/** Admins only: it writes a phone override on every ready number the deployment served. */
export const carryOverDeploymentAction = defineAction(
  { permission: 'onprem.manage', schema: carryOverAllSchema },
  async (input, { user }) => {
    const outcome: BulkCarryOutcome = await carryOverAll(await getOnpremContext(), input, {
      id: user.id,
      email: user.email,
    });
    revalidatePath('/on-premises');
    return { ok: true, data: outcome };
  },
);
