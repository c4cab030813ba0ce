'use server';

import { revalidatePath } from 'next/cache';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { createPasswordUser } from '@/lib/auth/manage-users';
import { defineAction } from '@/lib/auth/safe-action';
import { createUserSchema } from './schemas';

/** Admins create a password user; they pass the initial password on themselves. */
export const createUserAction = defineAction(
  { permission: 'users.manage', schema: createUserSchema },
  async (input, { user }) => {
    const result = await createPasswordUser(changeLogActor(user), input);
    if (!result.ok) {
      return {
        ok: false,
        status: 422,
        error: result.error,
        fieldErrors: result.field ? { [result.field]: [result.error] } : undefined,
      };
    }
    revalidatePath('/users');
    return { ok: true, data: { id: result.user.id, email: result.user.email } };
  },
);
