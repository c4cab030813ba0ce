/**
 * The sandbox's in-memory model: what Meta keeps about businesses, WABAs, numbers and apps,
 * reduced to what webhook routing needs. Names follow Graph (snake_case where they are wire fields).
 */

export interface Business {
  id: string;
  name: string;
}

export interface Waba {
  id: string;
  name: string;
  /** The business that owns the WABA; it is a client WABA for every business in `clientOf`. */
  ownerBusinessId: string;
  clientOf: string[];
  currency: string;
  timezone_id: string;
  message_template_namespace: string;
  account_review_status: string;
  business_verification_status: string;
  country: string;
  status: string;
  phoneNumberIds: string[];
  /** `health_status.can_send_message` when set through the control surface (else AVAILABLE). */
  canSendMessage?: string;
}

export interface PhoneNumber {
  id: string;
  wabaId: string;
  display_phone_number: string;
  verified_name: string;
  quality_rating: string;
  status: string;
  name_status: string;
  code_verification_status: string;
  platform_type: string;
  throughput: { level: string };
  account_mode: string;
  is_official_business_account: boolean;
  last_onboarded_time: string;
  /** `health_status.can_send_message` when set through the control surface (else derived from quality). */
  canSendMessage?: string;
}

export interface App {
  id: string;
  name: string;
  secret: string;
  /** System-user token that acts for this app (never starts with "EAA" so it cannot be mistaken for a live one). */
  accessToken: string;
  /** Application tier: the app-level callback for `whatsapp_business_account`; undefined when none. */
  callbackUrl?: string;
  callbackVerifyToken?: string;
  fields: string[];
  /** Meta's "Require App Secret": system-user calls without an `appsecret_proof` are refused. */
  appsecretProofRequired: boolean;
  /**
   * The businesses this app's system user is assigned to; anything outside them answers 100/33 as if it did
   * not exist. Undefined = every business of the fleet (generated fleets).
   */
  businesses?: string[];
  /** Client WABAs shared with this app for reading only: writes on their numbers answer (#200). */
  readOnlyWabas: string[];
  /** Tokens of this app's system user that Graph no longer accepts (expired on `expiredAt`, or revoked). */
  expiredAccessToken: string;
  revokedAccessToken: string;
}

/** An app's subscription to a WABA, with that app's optional WABA override. */
export interface Subscription {
  overrideCallbackUri?: string;
  verifyToken?: string;
}

/** An app's phone-number override. */
export interface PhoneOverride {
  overrideCallbackUri: string;
  verifyToken: string;
}

/** Well-known identities in a fleet so tests and demos can find each routing case without searching. */
export interface FleetScenarios {
  phoneNumberTier: { phoneNumberId: string; wabaId: string };
  wabaTier: { phoneNumberId: string; wabaId: string };
  applicationTier: { phoneNumberId: string; wabaId: string };
  unsubscribedWaba: { wabaId: string; phoneNumberId: string };
  /** apps[1] is subscribed here with its own WABA override, and has a phone override on `secondAppPhoneNumberId`. */
  sharedWaba: { wabaId: string; secondAppId: string; secondAppPhoneNumberId?: string };
  clientWaba?: { wabaId: string; ownerBusinessId: string };
  /** A client WABA whose owner is in `otherBusinesses`: only the client listing shows it. */
  outsiderWaba?: { wabaId: string; ownerBusinessId: string; ownerName: string };
}

/** Everything a fixture seeds. Subscriptions and overrides are keyed by app id, then WABA / phone id. */
export interface Fleet {
  /** The businesses an operator of this fixture configures (`META_BUSINESS_IDS`, `/_sandbox/fixture`). */
  businesses: Business[];
  /**
   * Businesses Graph knows that nobody configures: they own WABAs shared with a configured business, so
   * those WABAs are reachable only through `client_whatsapp_business_accounts`.
   */
  otherBusinesses?: Business[];
  wabas: Waba[];
  phoneNumbers: PhoneNumber[];
  apps: App[];
  subscriptions: Array<{ appId: string; wabaId: string } & Subscription>;
  phoneOverrides: Array<{ appId: string; phoneNumberId: string } & PhoneOverride>;
  scenarios: FleetScenarios;
}
