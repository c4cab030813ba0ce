'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/safe-action';
import { setReceiverRequireMtls } from '@/lib/receivers/manage';
import { getReceiversContext } from '@/lib/server';
import { setReceiverRequireMtlsSchema } from './schemas';

/** Admins only: turning mTLS off lets deliveries without Meta's client certificate through again. */
export const setReceiverRequireMtlsAction = defineAction(
  { permission: 'receivers.manage', schema: setReceiverRequireMtlsSchema },
  async (input, { user }) => {
    const result = await setReceiverRequireMtls(await getReceiversContext(), input, {
      id: user.id,
      email: user.email,
    });
    if (!result.ok) return { ok: false, status: 422, error: 'This receiver no longer exists.' };
    revalidatePath(`/receivers/${input.id}`);
    revalidatePath('/receivers');
    revalidatePath('/settings');
    return { ok: true, data: result.data };
  },
);
