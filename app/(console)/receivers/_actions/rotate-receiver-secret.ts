'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/safe-action';
import { rotateReceiverSecret } from '@/lib/receivers/manage';
import { getReceiversContext } from '@/lib/server';
import { rotateReceiverSecretSchema } from './schemas';

/** The new secret verifies at once; the old one keeps verifying for the grace period (Meta retries for days). */
export const rotateReceiverSecretAction = defineAction(
  { permission: 'receivers.manage', schema: rotateReceiverSecretSchema },
  async (input, { user }) => {
    const result = await rotateReceiverSecret(await getReceiversContext(), input, {
      id: user.id,
      email: user.email,
    });
    if (!result.ok) {
      return result.error === 'same_secret'
        ? {
            ok: false,
            status: 422,
            error: 'That is the current secret.',
            fieldErrors: { appSecret: ['That is the current secret.'] },
          }
        : { ok: false, status: 422, error: 'This receiver no longer exists.' };
    }
    revalidatePath(`/receivers/${input.id}`);
    revalidatePath('/receivers');
    return { ok: true, data: { previousValidUntil: result.data.previousValidUntil.toISOString() } };
  },
);
