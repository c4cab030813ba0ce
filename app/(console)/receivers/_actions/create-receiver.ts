'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/safe-action';
import { createReceiver } from '@/lib/receivers/manage';
import { getReceiversContext } from '@/lib/server';
import { createReceiverSchema } from './schemas';

/** Admins only: the receiver holds an app secret. Secrets are encrypted before they are stored. */
export const createReceiverAction = defineAction(
  { permission: 'receivers.manage', schema: createReceiverSchema },
  async (input, { user }) => {
    const created = await createReceiver(await getReceiversContext(), input, {
      id: user.id,
      email: user.email,
    });
    revalidatePath('/receivers');
    return { ok: true, data: created };
  },
);
