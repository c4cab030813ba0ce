'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { createPasswordUser } from '@/lib/auth/manage-users';
import { passwordProblem } from '@/lib/auth/password';
import { defineAction } from '@/lib/auth/safe-action';
import { ROLES } from '@/lib/db/schema';

const schema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.').max(254)),
  name: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((v) => v || null),
  role: z.enum(ROLES, 'Choose a role.'),
  password: z.string().superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});

/** Admins create a password user; they pass the initial password on themselves. */
export const createUserAction = defineAction(
  { permission: 'users.manage', schema },
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
