'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { setUserDisabledState } from '@/lib/auth/manage-users';
import { defineAction } from '@/lib/auth/safe-action';

const schema = z.object({
  userId: z.uuid(),
  // FormData sends text; `z.coerce.boolean()` would read "false" as true.
  disabled: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

/** Disabling takes effect at the person's next request: sessions re-read the user every time. */
export const setUserDisabledAction = defineAction(
  { permission: 'users.manage', schema },
  async ({ userId, disabled }, { user }) => {
    const result = await setUserDisabledState(changeLogActor(user), userId, disabled);
    revalidatePath('/users');
    if (!result.ok) return { ok: false, status: 422, error: result.error };
    return { ok: true, data: { email: result.user.email, disabled: result.user.disabled } };
  },
);
