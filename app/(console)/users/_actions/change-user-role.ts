'use server';

import { revalidatePath } from 'next/cache';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { changeUserRole } from '@/lib/auth/manage-users';
import { defineAction } from '@/lib/auth/safe-action';
import { changeUserRoleSchema } from './schemas';

export const changeUserRoleAction = defineAction(
  { permission: 'users.manage', schema: changeUserRoleSchema },
  async ({ userId, role }, { user }) => {
    const result = await changeUserRole(changeLogActor(user), userId, role);
    revalidatePath('/users');
    if (!result.ok) return { ok: false, status: 422, error: result.error };
    return { ok: true, data: { email: result.user.email, role: result.user.role } };
  },
);
