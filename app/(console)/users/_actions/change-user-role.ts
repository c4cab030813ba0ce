'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { changeUserRole } from '@/lib/auth/manage-users';
import { defineAction } from '@/lib/auth/safe-action';
import { ROLES } from '@/lib/db/schema';

const schema = z.object({ userId: z.uuid(), role: z.enum(ROLES, 'Choose a role.') });

export const changeUserRoleAction = defineAction(
  { permission: 'users.manage', schema },
  async ({ userId, role }, { user }) => {
    const result = await changeUserRole(changeLogActor(user), userId, role);
    revalidatePath('/users');
    if (!result.ok) return { ok: false, status: 422, error: result.error };
    return { ok: true, data: { email: result.user.email, role: result.user.role } };
  },
);
