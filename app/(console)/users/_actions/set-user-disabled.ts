'use server';

import { revalidatePath } from 'next/cache';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { setUserDisabledState } from '@/lib/auth/manage-users';
import { defineAction } from '@/lib/auth/safe-action';
import { setUserDisabledSchema } from './schemas';

/** Disabling takes effect at the person's next request: sessions re-read the user every time. */
export const setUserDisabledAction = defineAction(
  { permission: 'users.manage', schema: setUserDisabledSchema },
  async ({ userId, disabled }, { user }) => {
    const result = await setUserDisabledState(changeLogActor(user), userId, disabled);
    revalidatePath('/users');
    if (!result.ok) return { ok: false, status: 422, error: result.error };
    return { ok: true, data: { email: result.user.email, disabled: result.user.disabled } };
  },
);
