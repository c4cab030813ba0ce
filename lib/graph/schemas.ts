/**
 * Graph API wire shapes for the WhatsApp Business Platform calls Switchboard makes.
 *
 * Shared by the client (lib/graph) and the sandbox (lib/graph-sandbox) so that the two cannot drift.
 * Names follow Graph exactly (snake_case on the wire). Parsing is tolerant where the reference
 * (docs/graph-facts.md) says Meta is inconsistent: ids may be numbers, `success` may be a string.
 * This module must stay free of `server-only` and of Node-only APIs.
 */
import { z } from 'zod';
import { TIERS, type WebhookField } from './constants';

// The plain constants live in ./constants (no zod) so the browser can use them without loading zod.
export {
  APP_CALLBACK_ONLY_FIELDS,
  OVERRIDE_FOLLOWING_FIELDS,
  OVERRIDE_URL_MAX_LENGTH,
  TIERS,
  type WebhookField,
} from './constants';

/** Graph ids are numeric strings, but some samples send JSON numbers. */
export const graphId = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((v) => String(v));

/** `{"success":true}` and `{"success":"true"}` both occur. */
export const successResponse = z.object({
  success: z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true'),
});
export type SuccessResponse = z.output<typeof successResponse>;

export const pagingSchema = z.object({
  cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().optional(),
  previous: z.string().optional(),
});
export type Paging = z.output<typeof pagingSchema>;

/** A Graph edge: `{"data":[…],"paging":…,"summary"?:{"total_count":N}}`. */
export function edgeOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    paging: pagingSchema.optional(),
    summary: z.object({ total_count: z.number().int().nonnegative() }).optional(),
  });
}

/** How a business holds a WABA: its own (`owned_whatsapp_business_accounts`) or a client's (`client_…`). */
export const OWNERSHIPS = ['owned', 'client'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const tierSchema = z.enum(TIERS);
export type Tier = z.output<typeof tierSchema>;

export const webhookConfigurationSchema = z.object({
  phone_number: z.string().optional(),
  whatsapp_business_account: z.string().optional(),
  application: z.string().optional(),
});
export type WebhookConfiguration = z.output<typeof webhookConfigurationSchema>;

export const QUALITY_RATINGS = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN', 'NA'] as const;
export const NAME_STATUSES = [
  'APPROVED',
  'AVAILABLE_WITHOUT_REVIEW',
  'DECLINED',
  'EXPIRED',
  'PENDING_REVIEW',
  'NONE',
] as const;
export const PLATFORM_TYPES = ['CLOUD_API', 'ON_PREMISE', 'NOT_APPLICABLE'] as const;
export const THROUGHPUT_LEVELS = ['STANDARD', 'HIGH', 'NOT_APPLICABLE'] as const;

/** `health_status` of a number or WABA: whether it can send, with the entities (number, WABA, business, app) that limit it. */
export const healthStatusSchema = z.object({
  can_send_message: z.string().optional(),
  entities: z
    .array(
      z.object({
        entity_type: z.string().optional(),
        id: z.string().optional(),
        can_send_message: z.string().optional(),
        errors: z
          .array(z.object({ error_code: z.number().optional(), error_description: z.string().optional() }))
          .optional(),
      }),
    )
    .optional(),
});
export type HealthStatus = z.output<typeof healthStatusSchema>;

/** Phone number node. Every field but `id` depends on the `fields=` requested. */
export const phoneNumberSchema = z.object({
  id: graphId,
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  // Tolerate enum values Meta adds later rather than failing a whole listing.
  quality_rating: z.string().optional(),
  status: z.string().optional(),
  name_status: z.string().optional(),
  code_verification_status: z.string().optional(),
  platform_type: z.string().optional(),
  throughput: z.object({ level: z.string() }).optional(),
  account_mode: z.string().optional(),
  is_official_business_account: z.boolean().optional(),
  last_onboarded_time: z.string().optional(),
  webhook_configuration: webhookConfigurationSchema.optional(),
  health_status: healthStatusSchema.optional(),
});
export type PhoneNumber = z.output<typeof phoneNumberSchema>;

/** One entry of `GET /<WABA_ID>/subscribed_apps`. `override_callback_uri` only when that app has one. */
export const subscribedAppSchema = z.object({
  whatsapp_business_api_data: z.object({
    id: graphId,
    link: z.string().optional(),
    name: z.string().optional(),
  }),
  override_callback_uri: z.string().optional(),
});
export type SubscribedApp = z.output<typeof subscribedAppSchema>;
export const subscribedAppsResponse = edgeOf(subscribedAppSchema);

/** WABA node, optionally with nested `phone_numbers` and `subscribed_apps` edges (field expansion). */
export const wabaSchema = z.object({
  id: graphId,
  name: z.string().optional(),
  currency: z.string().optional(),
  timezone_id: z.string().optional(),
  message_template_namespace: z.string().optional(),
  account_review_status: z.string().optional(),
  business_verification_status: z.string().optional(),
  country: z.string().optional(),
  ownership_type: z.string().optional(),
  /** The business that owns the WABA, whichever configured business listed it. */
  owner_business_info: z.object({ id: graphId.optional(), name: z.string().optional() }).optional(),
  status: z.string().optional(),
  health_status: healthStatusSchema.optional(),
  phone_numbers: edgeOf(phoneNumberSchema).optional(),
  subscribed_apps: subscribedAppsResponse.optional(),
});
export type Waba = z.output<typeof wabaSchema>;
export const wabaEdgeResponse = edgeOf(wabaSchema);
export const phoneNumbersResponse = edgeOf(phoneNumberSchema);

/** `GET /<APP_ID>/subscriptions` (app token). */
export const appSubscriptionSchema = z.object({
  object: z.string(),
  callback_url: z.string().optional(),
  active: z.boolean(),
  fields: z.array(z.object({ name: z.string(), version: z.string().optional() })).default([]),
});
export type AppSubscription = z.output<typeof appSubscriptionSchema>;
export const appSubscriptionsResponse = z.object({ data: z.array(appSubscriptionSchema) });

/** One operation of `POST /` with `batch=[…]`. */
export const batchOperationSchema = z.object({
  method: z.enum(['GET', 'POST', 'DELETE']),
  relative_url: z.string().min(1),
  body: z.string().optional(),
  name: z.string().optional(),
});
export type BatchOperation = z.output<typeof batchOperationSchema>;
export const MAX_BATCH_OPERATIONS = 50;

/** A batch reply entry; `null` when that operation timed out. `body` is JSON as a string. */
export const batchResultSchema = z
  .object({
    code: z.number().int(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
    body: z.string(),
  })
  .nullable();
export type BatchResult = z.output<typeof batchResultSchema>;
export const batchResponse = z.array(batchResultSchema);

/** The error envelope. */
export const graphErrorBody = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
    is_transient: z.boolean().optional(),
    error_data: z.unknown().optional(),
  }),
});
export type GraphErrorBody = z.output<typeof graphErrorBody>;

/** `X-App-Usage` header (percentages 0–100). */
export const appUsageSchema = z.object({
  call_count: z.number(),
  total_cputime: z.number(),
  total_time: z.number(),
});
export type AppUsage = z.output<typeof appUsageSchema>;

/** `X-Business-Use-Case-Usage` header: business object id → usage entries. */
export const businessUseCaseUsageSchema = z.record(
  z.string(),
  z.array(
    z.object({
      type: z.string().optional(),
      call_count: z.number(),
      total_cputime: z.number(),
      total_time: z.number(),
      estimated_time_to_regain_access: z.number().optional(),
    }),
  ),
);
export type BusinessUseCaseUsage = z.output<typeof businessUseCaseUsageSchema>;

/** `GET /debug_token?input_token=…` (used by the settings page). */
export const debugTokenResponse = z.object({
  data: z.object({
    app_id: graphId.optional(),
    application: z.string().optional(),
    type: z.string().optional(),
    is_valid: z.boolean(),
    /** Unix seconds; 0 means the token does not expire (system-user tokens). */
    expires_at: z.number().optional(),
    data_access_expires_at: z.number().optional(),
    scopes: z.array(z.string()).optional(),
    /** Why an invalid token is invalid. */
    error: z.object({ code: z.number().optional(), message: z.string().optional() }).optional(),
  }),
});

/**
 * The fields the sandbox can emit a sample event for (`POST /_sandbox/emit`), which "Send test event" offers:
 * one that follows overrides and the account, number and template fields that always go to the app callback.
 */
export const EMITTABLE_FIELDS = [
  'messages',
  'account_update',
  'account_review_update',
  'phone_number_name_update',
  'phone_number_quality_update',
  'message_template_status_update',
] as const satisfies readonly WebhookField[];
export type EmittableField = (typeof EMITTABLE_FIELDS)[number];

/** What a sample `messages` event carries: an inbound message or a status update. */
export const MESSAGE_KINDS = ['message', 'status'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** What became of one app's copy of an emitted event (the sandbox's emission log, read by the test event). */
export const EMISSION_OUTCOMES = ['pending', 'delivered', 'failed', 'skipped'] as const;
export type EmissionOutcome = (typeof EMISSION_OUTCOMES)[number];
