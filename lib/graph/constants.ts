/**
 * Graph's plain constants (tier names, override URL rules, which webhook fields follow overrides), apart from
 * the zod wire schemas in ./schemas, which re-exports them: console components import them from here so the
 * browser never downloads zod for a list of names.
 */

/** The three tiers as Graph names them. A key is absent when that tier is unset. */
export const TIERS = ['phone_number', 'whatsapp_business_account', 'application'] as const;

/** Override URL rules shared by the sandbox (enforcement) and the app (validation before sending). */
export const OVERRIDE_URL_MAX_LENGTH = 200;

/**
 * Webhook fields that follow overrides (docs/graph-facts.md §1); every other field always goes to the app callback.
 */
export const OVERRIDE_FOLLOWING_FIELDS = [
  'messages',
  'message_echoes',
  'calls',
  'consumer_profile',
  'messaging_handovers',
  'group_lifecycle_update',
  'group_participants_update',
  'group_settings_update',
  'group_status_update',
  'smb_message_echoes',
  'smb_app_state_sync',
  'history',
  'account_settings_update',
] as const;

/** WABA webhook fields that are always delivered to the application callback URL. */
export const APP_CALLBACK_ONLY_FIELDS = [
  'account_alerts',
  'account_review_update',
  'account_update',
  'automatic_events',
  'business_capability_update',
  'message_template_components_update',
  'message_template_quality_update',
  'message_template_status_update',
  'partner_solutions',
  'payment_configuration_update',
  'phone_number_name_update',
  'phone_number_quality_update',
  'security',
  'template_category_update',
  'user_preferences',
] as const;

export type WebhookField =
  | (typeof OVERRIDE_FOLLOWING_FIELDS)[number]
  | (typeof APP_CALLBACK_ONLY_FIELDS)[number];
