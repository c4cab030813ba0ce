/**
 * Inputs of the On-Premises actions. URL rules that depend on configuration (loopback http in development)
 * are checked in the action with `checkOverrideCallbackUri`, the override form's own rule.
 */
import { z } from 'zod';
import { MAX_CONCURRENT_REQUESTS } from '@/lib/onprem/settings-form';
import { checkVerifyToken } from '@/lib/routing/validation';
import { textProblem } from '@/lib/text/text-problem';

const plainText = (what: string) =>
  z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, what);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Phone number ids, one per line or separated by commas or spaces; Graph ids are digits. */
const phoneNumberIds = z
  .string()
  .max(5_000, 'At most 5000 characters.')
  .transform((raw) => [...new Set(raw.split(/[\s,]+/).filter(Boolean))])
  .refine(
    (ids) => ids.every((id) => /^\d{1,20}$/.test(id)),
    'Phone number ids are digits only, like 106540352200004.',
  )
  .refine((ids) => ids.length <= 500, 'At most 500 numbers per deployment.');

export const registerDeploymentSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, 'Give the deployment a name.')
    .max(100, 'At most 100 characters.')
    .pipe(plainText('name')),
  baseUrl: z.string().trim().min(1, 'Enter the Coreapp’s base URL.').max(500, 'At most 500 characters.'),
  username: z
    .string()
    .trim()
    .min(1, 'Enter the Coreapp admin user.')
    .max(100, 'At most 100 characters.')
    .pipe(plainText('user')),
  password: z
    .string()
    .min(1, 'Enter the admin password.')
    .max(500, 'At most 500 characters.')
    .pipe(plainText('password')),
  phoneNumberIds,
});

const delayMs = (what: string) =>
  z.coerce
    .number({ message: `Enter ${what} in milliseconds.` })
    .int('Whole milliseconds.')
    .min(0, 'Zero or more.')
    .max(86_400_000, 'At most 86400000 (24 hours).');

export const changeSettingsSchema = z
  .object({
    id: z.uuid(),
    expectedWebhookUrl: z.string().max(1_000),
    settings: z.object({
      webhookUrl: z.string().trim().max(1_000),
      callbackPersist: z.boolean(),
      messageSent: z.boolean(),
      messageDelivered: z.boolean(),
      messageRead: z.boolean(),
      callbackBackoffDelayMs: delayMs('the first retry delay'),
      maxCallbackBackoffDelayMs: delayMs('the longest retry delay'),
      maxConcurrentRequests: z.coerce
        .number()
        .refine(
          (n) => (MAX_CONCURRENT_REQUESTS as readonly number[]).includes(n),
          `One of ${MAX_CONCURRENT_REQUESTS.join(', ')}.`,
        ),
    }),
  })
  .refine((v) => v.settings.maxCallbackBackoffDelayMs >= v.settings.callbackBackoffDelayMs, {
    path: ['settings', 'maxCallbackBackoffDelayMs'],
    message: 'The longest retry delay cannot be shorter than the first.',
  });

const verifyToken = z
  .string()
  .min(1, 'Enter the verify token your receiver expects.')
  .max(500, 'At most 500 characters.')
  .superRefine((value, ctx) => {
    const problem = checkVerifyToken(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const carryOverSchema = z.object({
  deploymentId: z.uuid(),
  phoneNumberId: z.string().regex(/^\d{1,20}$/, 'Not a phone number id.'),
  verifyToken,
  expected: z.string().max(1_000).nullable(),
});

export const carryOverAllSchema = z.object({ deploymentId: z.uuid(), verifyToken });
