/** Inputs of the receiver actions (FormData or objects), validated on the server by the action wrapper. */
import { z } from 'zod';
import { checkVerifyToken } from '@/lib/routing/validation';
import { textProblem } from '@/lib/text/text-problem';

/** Refuses control and broken characters: PostgreSQL stores neither, and a secret never contains them. */
const plainText = (what: string) =>
  z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, what);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A checkbox: FormData sends `on` when ticked and nothing otherwise; objects may send a boolean. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

const appSecret = (missing: string) =>
  z.string().trim().min(8, missing).max(500, 'At most 500 characters.').pipe(plainText('app secret'));

export const createReceiverSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the receiver a name.')
    .max(100, 'At most 100 characters.')
    .pipe(plainText('name')),
  // The override form's rules too: a token it would refuse could never be sent to this receiver.
  verifyToken: z
    .string()
    .min(8, 'At least 8 characters: Meta sends it in every verification request.')
    .max(500, 'At most 500 characters.')
    .superRefine((value, ctx) => {
      const problem = checkVerifyToken(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  appSecret: appSecret('Paste the app secret from the App Dashboard (Settings › Basic).'),
  requireMtls: checkbox,
});

export const setReceiverRequireMtlsSchema = z.object({ id: z.uuid(), requireMtls: checkbox });

export const rotateReceiverSecretSchema = z.object({
  id: z.uuid(),
  appSecret: appSecret('Paste the new app secret from the App Dashboard.'),
  // Not `z.coerce.number()`: it reads '', null and false as 0, which would end the old secret at once.
  graceHours: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
    z
      .number({ message: 'Enter a number of hours.' })
      .min(0, 'Zero or more hours.')
      .max(720, 'At most 720 hours (30 days).'),
  ),
});

export const deleteReceiverSchema = z.object({ id: z.uuid() });
