/**
 * The settings an admin can change, flat as the form sends them, and how they map to the Coreapp's nested
 * `/v1/settings/application` shape. No `server-only`: the page's client component shares the types.
 */
export const MAX_CONCURRENT_REQUESTS = [6, 12, 18, 24] as const;

export interface WebhookSettings {
  /** '' when the Coreapp has no webhook URL. */
  webhookUrl: string;
  callbackPersist: boolean;
  /** `webhooks.message.sent` (the seed page prefers it to the deprecated `sent_status`). */
  messageSent: boolean;
  messageDelivered: boolean;
  messageRead: boolean;
  callbackBackoffDelayMs: number;
  maxCallbackBackoffDelayMs: number;
  maxConcurrentRequests: number;
}

export const SETTING_LABELS: Record<keyof WebhookSettings, string> = {
  webhookUrl: 'Webhook URL',
  callbackPersist: 'Keep callbacks until delivered (callback_persist)',
  messageSent: 'Sent status (webhooks.message.sent)',
  messageDelivered: 'Delivered status (webhooks.message.delivered)',
  messageRead: 'Read status (webhooks.message.read)',
  callbackBackoffDelayMs: 'First retry delay, ms (callback_backoff_delay_ms)',
  maxCallbackBackoffDelayMs: 'Longest retry delay, ms (max_callback_backoff_delay_ms)',
  maxConcurrentRequests: 'Concurrent requests (webhooks.max_concurrent_requests)',
};

/** The keys whose values differ, in form order. */
export function changedKeys(before: WebhookSettings, after: WebhookSettings): Array<keyof WebhookSettings> {
  return (Object.keys(SETTING_LABELS) as Array<keyof WebhookSettings>).filter((k) => before[k] !== after[k]);
}
