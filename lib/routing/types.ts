/**
 * View models shared by the routing services (lib/routing) and the console (app, components).
 * Plain data only: these cross the server → client boundary, so they never carry tokens or secrets.
 */
import type { FieldRefusal } from '@/lib/auth/safe-action';
import type { GraphFailureView } from '@/lib/graph/describe-error';
import type { Ownership, Tier, WebhookConfiguration } from '@/lib/graph/schemas';

export type { GraphFailureView, Tier, WebhookConfiguration };

/** Which tier delivers `messages` webhooks for one number to this app; `winner: null` means no delivery. */
export interface Resolution {
  winner: Tier | null;
  url: string | null;
  /** One sentence a support engineer can read aloud, e.g. "No phone override; the WABA override wins." */
  reason: string;
}

export interface NumberRoute {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
  tiers: WebhookConfiguration;
  /** Whether this app is subscribed to the number's WABA (`GET subscribed_apps`). */
  subscribed: boolean;
  resolution: Resolution;
}

export type { Ownership };

export interface WabaSummary {
  wabaId: string;
  name: string | null;
  businessId: string;
  ownership: Ownership;
  /** The owner's name (for a client WABA, who shares it with the configured business); null when unknown. */
  ownerBusinessName: string | null;
  numberCount: number;
  subscribed: boolean;
  /** This app's WABA override, if any. */
  wabaOverride: string | null;
  /**
   * Every app subscribed to the WABA (this one and others) with its WABA override, from the same
   * `subscribed_apps` read: a page can show each configured app's standing without a call per app.
   */
  subscriptions: { appId: string; overrideCallbackUri: string | null }[];
}

export interface SubscribedAppView {
  appId: string;
  name: string | null;
  overrideCallbackUri: string | null;
  isThisApp: boolean;
}

export interface WabaDetail extends WabaSummary {
  subscribedApps: SubscribedAppView[];
  numbers: NumberRoute[];
  /** The app-level callback (tier 3) as Graph reports it through webhook_configuration, if known. */
  applicationCallback: string | null;
  /** ISO time the data was read from Graph. */
  readAt: string;
}

export interface NumberDetail extends NumberRoute {
  wabaName: string | null;
  status: string | null;
  nameStatus: string | null;
  platformType: string | null;
  throughputLevel: string | null;
  readAt: string;
}

/** Why a callback check failed (PreflightResult.reason). */
export type PreflightReason =
  | 'invalid_url'
  | 'invalid_token'
  | 'scheme'
  | 'blocked_address'
  | 'dns'
  | 'tls'
  | 'timeout'
  | 'network'
  | 'redirect'
  | 'http_status'
  | 'challenge_mismatch'
  | 'json_quoted_challenge'
  | 'body_too_large';

export interface PreflightResult {
  ok: boolean;
  url: string;
  httpStatus: number | null;
  durationMs: number;
  challengeEchoed: boolean;
  /** Machine-readable reason when not ok (see PreflightReason). */
  reason: PreflightReason | null;
  /** What went wrong and the usual causes, for the person at the keyboard. Never the remote body. */
  explanation: string;
}

/** The routing writes, as the change log names them. */
export const ROUTING_ACTIONS = [
  'phone_override.set',
  'phone_override.clear',
  'waba_override.set',
  'waba_override.clear',
  'waba.subscribe',
  'waba.unsubscribe',
  'app_subscription.set',
  'app_subscription.delete',
] as const;
export type RoutingAction = (typeof ROUTING_ACTIONS)[number];

/** Result of a write: what Graph reports after it (read back), compared with what was asked. */
export type WriteOutcome<T> =
  | { kind: 'applied'; after: T }
  | { kind: 'mismatch'; requested: string | null; reported: string | null; after: T }
  | { kind: 'stale'; expected: string | null; current: string | null }
  | { kind: 'preflight_failed'; preflight: PreflightResult }
  | { kind: 'graph_error'; error: GraphFailureView }
  /**
   * Graph accepted the write but reading it back failed: most likely applied, not verified. `requested` is the
   * value asked for, so a later read can compare; `error` is the read's failure.
   */
  | {
      kind: 'unverified';
      action: RoutingAction;
      targetId: string;
      /** The app the write acted as: a read again must read through its token, as the write did. */
      appId: string;
      requested: string | null;
      error: GraphFailureView;
    }
  /** Nothing sent to Graph: invalid input, a target outside the configured businesses, or a no-op that would harm. */
  | { kind: 'refused'; message: string };

/**
 * What a routing service returns: an outcome, or a refusal of some fields, which the action wrapper turns into
 * `{ ok: false, fieldErrors }` (so `WriteOutcome`, what screens get, has no field errors).
 */
export type ServiceOutcome<T> = WriteOutcome<T> | FieldRefusal;

/** `listWabas`: one page of the fleet's WABAs, plus listings that failed. */
export interface WabaListResult {
  items: WabaSummary[];
  total: number;
  page: number;
  pageSize: number;
  errors: GraphFailureView[];
  readAt: string;
}

/** An override in use whose URL failed its most recent callback check. */
export interface FailingOverride {
  /** null for a WABA override. */
  phoneNumberId: string | null;
  wabaId: string;
  url: string;
  checkedAt: string;
  reason: PreflightReason | null;
}

export interface Overview {
  wabaCount: number;
  numberCount: number;
  /** Numbers per winning tier; `none` = nothing delivered (unsubscribed WABA or no URL on any tier). */
  byWinner: Record<Tier | 'none', number>;
  /** Numbers per effective URL, most numbers first, at most OVERVIEW_TOP_URLS; `url: null` = no delivery. */
  byUrl: { url: string | null; count: number }[];
  unsubscribedWabas: WabaSummary[];
  failingOverrides: FailingOverride[];
  errors: GraphFailureView[];
  readAt: string;
}

/** The application tier as `GET /<APP_ID>/subscriptions` reports it for `whatsapp_business_account`. */
export interface AppSubscriptionView {
  appId: string;
  callbackUrl: string | null;
  /** Subscribed webhook fields, sorted. */
  fields: string[];
  active: boolean;
}

/** What the settings page can say about the application tier. */
export type AppTierRead =
  /** META_APP_SECRET is not configured: the app token `APP_ID|APP_SECRET` cannot be formed. */
  | { kind: 'no_secret'; appId: string }
  /** `subscription` null: the app has no subscription for WABAs at all. */
  | { kind: 'ok'; appId: string; subscription: AppSubscriptionView | null; readAt: string }
  | { kind: 'error'; appId: string; error: GraphFailureView };

/** One configured app's route for one number, as that app's token sees it (`webhook_configuration`). */
export interface AppRouteView {
  appId: string;
  appLabel: string;
  isDefault: boolean;
  /** Whether this app is subscribed to the number's WABA (`GET subscribed_apps`). */
  subscribed: boolean;
  /** Null when this app's read failed (`error` says why). */
  tiers: WebhookConfiguration | null;
  resolution: Resolution | null;
  error: GraphFailureView | null;
}

/** An app subscribed to the WABA that Switchboard has no token for: Graph shows only its WABA override. */
export interface UnconfiguredAppView {
  appId: string;
  name: string | null;
  wabaOverride: string | null;
}

/** Every app's copy of one number's messages webhooks, side by side. */
export interface NumberAppsView {
  phoneNumberId: string;
  wabaId: string;
  apps: AppRouteView[];
  unconfigured: UnconfiguredAppView[];
  /** "Messages for this number reach 2 apps: Switchboard Demo → https://…, Acme Helpdesk → https://…." */
  summary: string;
  readAt: string;
}
