'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/safe-action';
import { getReceiversContext } from '@/lib/receivers/context';
import { rotateReceiverSecret } from '@/lib/receivers/manage';

const schema = z.object({
  id: z.uuid(),
  appSecret: z
    .string()
    .trim()
    .min(8, 'Paste the new app secret from the App Dashboard.')
    .max(500, 'At most 500 characters.'),
  graceHours: z.coerce
    .number({ message: 'Enter a number of hours.' })
    .min(0, 'Zero or more hours.')
    .max(720, 'At most 720 hours (30 days).'),
});

/** The new secret verifies at once; the old one keeps verifying for the grace period (Meta retries for days). */
export const rotateReceiverSecretAction = defineAction(
  { permission: 'receivers.manage', schema },
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
