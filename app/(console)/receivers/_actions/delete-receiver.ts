'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/safe-action';
import { deleteReceiver } from '@/lib/receivers/manage';
import { getReceiversContext } from '@/lib/server';
import { deleteReceiverSchema } from './schemas';

/** Deletes the receiver and its stored deliveries; its URL answers 404 from then on. */
export const deleteReceiverAction = defineAction(
  { permission: 'receivers.manage', schema: deleteReceiverSchema },
  async ({ id }, { user }) => {
    const result = await deleteReceiver(await getReceiversContext(), id, { id: user.id, email: user.email });
    revalidatePath('/receivers');
    if (!result.ok) return { ok: false, status: 422, error: 'This receiver no longer exists.' };
    return { ok: true, data: result.data };
  },
);
