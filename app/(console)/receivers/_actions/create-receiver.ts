'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/safe-action';
import { getReceiversContext } from '@/lib/receivers/context';
import { createReceiver } from '@/lib/receivers/manage';

const schema = z.object({
  name: z.string().trim().min(1, 'Give the receiver a name.').max(100, 'At most 100 characters.'),
  verifyToken: z
    .string()
    .min(8, 'At least 8 characters: Meta sends it in every verification request.')
    .max(500, 'At most 500 characters.'),
  appSecret: z
    .string()
    .trim()
    .min(8, 'Paste the app secret from the App Dashboard (Settings › Basic).')
    .max(500, 'At most 500 characters.'),
});

/** Admins only: the receiver holds an app secret. Secrets are encrypted before they are stored. */
export const createReceiverAction = defineAction(
  { permission: 'receivers.manage', schema },
  async (input, { user }) => {
    const created = await createReceiver(await getReceiversContext(), input, {
      id: user.id,
      email: user.email,
    });
    revalidatePath('/receivers');
    return { ok: true, data: created };
  },
);
