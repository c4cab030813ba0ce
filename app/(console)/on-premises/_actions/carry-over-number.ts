'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/safe-action';
import { type CarryOverOutcome, carryOver } from '@/lib/onprem/bridge';
import { getOnpremContext } from '@/lib/server';
import { carryOverSchema } from './schemas';

/** A phone override write, so the override permission; the routing set flow does preflight and read-back. */
export const carryOverNumberAction = defineAction(
  { permission: 'override.write', schema: carryOverSchema },
  async (input, { user }) => {
    const outcome: CarryOverOutcome = await carryOver(await getOnpremContext(), input, {
      id: user.id,
      email: user.email,
    });
    revalidatePath('/on-premises');
    return { ok: true, data: outcome };
  },
);
