import { z } from 'zod';
import type { CoreappSettings } from './fixture';

/** Longest webhook URL the sandbox Coreapp keeps (Graph's override limit, for one rule across both). */
export const MAX_WEBHOOK_URL_LENGTH = 200;
/** The values Meta documents for `webhooks.max_concurrent_requests`. */
export const MAX_CONCURRENT_REQUESTS = [6, 12, 18, 24] as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function urlProblem(url: string): string | null {
  if (url === '') return null; // an empty URL turns webhooks off
  if (url.length > MAX_WEBHOOK_URL_LENGTH)
    return `webhooks.url is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'webhooks.url is not a valid URL';
  }
  if (parsed.protocol === 'https:') return null;
  // Like the Graph sandbox, loopback http is allowed so local receivers can be used.
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return null;
  return 'webhooks.url must use HTTPS';
}

const flag = z.boolean();
const delay = z.number().int().min(0).max(86_400_000);

export const settingsPatchSchema = z
  .object({
    callback_persist: flag,
    sent_status: flag,
    callback_backoff_delay_ms: delay,
    max_callback_backoff_delay_ms: delay,
    webhooks: z
      .object({
        url: z.string().superRefine((url, ctx) => {
          const problem = urlProblem(url);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
        max_concurrent_requests: z
          .number()
          .refine((n) => (MAX_CONCURRENT_REQUESTS as readonly number[]).includes(n), {
            message: `webhooks.max_concurrent_requests must be one of ${MAX_CONCURRENT_REQUESTS.join(', ')}`,
          }),
        message: z.object({ sent: flag, delivered: flag, read: flag }).strict().partial(),
      })
      .strict()
      .partial(),
  })
  .strict()
  .partial();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** A PATCH changes only what it names, like the Coreapp's. */
export function applyPatch(current: CoreappSettings, patch: SettingsPatch): CoreappSettings {
  const { webhooks, ...top } = patch;
  return {
    ...current,
    ...top,
    webhooks: {
      ...current.webhooks,
      ...(webhooks?.url !== undefined ? { url: webhooks.url } : {}),
      ...(webhooks?.max_concurrent_requests !== undefined
        ? { max_concurrent_requests: webhooks.max_concurrent_requests }
        : {}),
      message: { ...current.webhooks.message, ...webhooks?.message },
    },
  };
}

/** `sent_status` and `webhooks.message.sent` are the same switch; the newer name wins when both are sent. */
export function reconcileSent(settings: CoreappSettings, patch: SettingsPatch): CoreappSettings {
  const sent = patch.webhooks?.message?.sent ?? patch.sent_status;
  if (sent === undefined) return settings;
  return {
    ...settings,
    sent_status: sent,
    webhooks: { ...settings.webhooks, message: { ...settings.webhooks.message, sent } },
  };
}
