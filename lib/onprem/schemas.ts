/** The Coreapp's answers, parsed at the edge so nothing else trusts a legacy server's JSON. */
import 'server-only';
import { z } from 'zod';

export const coreappMetaSchema = z.object({
  api_status: z.string().optional(),
  version: z.string().optional(),
});

export const coreappErrorsSchema = z.object({
  errors: z
    .array(
      z.object({
        code: z.number(),
        title: z.string().optional(),
        details: z.string().optional(),
        href: z.string().optional(),
      }),
    )
    .min(1),
  meta: coreappMetaSchema.optional(),
});

export const loginResponseSchema = z.object({
  users: z.array(z.object({ token: z.string().min(1), expires_after: z.string() })).min(1),
  meta: coreappMetaSchema.optional(),
});

export const applicationSettingsSchema = z.object({
  callback_persist: z.boolean().optional(),
  sent_status: z.boolean().optional(),
  callback_backoff_delay_ms: z.number().optional(),
  max_callback_backoff_delay_ms: z.number().optional(),
  webhooks: z
    .object({
      url: z.string().optional(),
      max_concurrent_requests: z.number().optional(),
      message: z
        .object({
          sent: z.boolean().optional(),
          delivered: z.boolean().optional(),
          read: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
});
export type ApplicationSettings = z.infer<typeof applicationSettingsSchema>;

export const settingsResponseSchema = z.object({
  settings: z.object({ application: applicationSettingsSchema }),
  meta: coreappMetaSchema.optional(),
});

/** What a PATCH may send: the fields the seed page and Meta's settings reference name. */
export interface ApplicationSettingsPatch {
  callback_persist?: boolean;
  sent_status?: boolean;
  callback_backoff_delay_ms?: number;
  max_callback_backoff_delay_ms?: number;
  webhooks?: {
    url?: string;
    max_concurrent_requests?: number;
    message?: { sent?: boolean; delivered?: boolean; read?: boolean };
  };
}
