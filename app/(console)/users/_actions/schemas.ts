/** Inputs of the user-management actions (FormData or objects), validated on the server by the action wrapper. */
import { z } from 'zod';
import { passwordProblem } from '@/lib/auth/password';
import { ROLES } from '@/lib/db/schema';
import { textProblem } from '@/lib/text/text-problem';

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.').max(254)),
  name: z
    .string()
    .trim()
    .max(120)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, 'name');
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional()
    .transform((v) => v || null),
  role: z.enum(ROLES, 'Choose a role.'),
  password: z.string().superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});

export const changeUserRoleSchema = z.object({ userId: z.uuid(), role: z.enum(ROLES, 'Choose a role.') });

export const setUserDisabledSchema = z.object({
  userId: z.uuid(),
  // FormData sends text; `z.coerce.boolean()` would read "false" as true.
  disabled: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});
