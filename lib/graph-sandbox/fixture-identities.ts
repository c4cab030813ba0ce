import { DEFAULT_GRAPH_VERSION } from './context';
import type { ReceiverRegistry } from './receivers';
import { appAccessToken, type SandboxState } from './state';
import type { FleetScenarios } from './types';

export interface FixtureApp {
  id: string;
  name: string;
  secret: string;
  /** System-user token (`sbx-sys-…`, never `EAA…`). */
  accessToken: string;
  /** `APP_ID|APP_SECRET`, for `/<APP_ID>/subscriptions`. */
  appAccessToken: string;
  /** The seeded application-tier callback; null when the app has none. */
  callbackUrl: string | null;
  /** Graph refuses this app's system-user calls without `appsecret_proof` (Meta's "Require App Secret"). */
  appsecretProofRequired: boolean;
  /** Businesses its system user is assigned to; null = every business of the fixture. */
  businesses: string[] | null;
  /** Client WABAs it may read but whose numbers' webhooks it may not change (`(#200) Permissions error`). */
  readOnlyWabas: string[];
  /** Tokens Graph recognises but refuses: expired (190/463) and revoked (190/460). */
  expiredAccessToken: string;
  revokedAccessToken: string;
}

/** `GET /_sandbox/fixture`: the identities clients need. Same values on every start of the same fixture. */
export interface FixtureIdentities {
  graphVersion: string;
  /** The businesses to configure (`META_BUSINESS_IDS`). */
  businesses: Array<{ id: string; name: string }>;
  /** Businesses that only share WABAs with a configured one; configuring them is not the point. */
  otherBusinesses: Array<{ id: string; name: string }>;
  apps: FixtureApp[];
  /** The `demo` echo receiver, ready to paste as an override URL. */
  receiverUrl: string;
  receivers: Array<{ name: string; url: string; verifyToken: string }>;
  scenarios: FleetScenarios;
  counts: { businesses: number; wabas: number; phoneNumbers: number };
  /**
   * PEM of the CA that issued the client certificate the emitter presents on `https` deliveries (mTLS):
   * what a receiver trusts in place of Meta's issuer. Generated once per process, not per fixture.
   */
  webhookClientCa: string;
}

export function fixtureIdentities(
  state: SandboxState,
  receivers: ReceiverRegistry,
  baseUrl: string,
  webhookClientCa: string,
): FixtureIdentities {
  const receiverList = receivers.names().map((name) => ({
    name,
    url: `${baseUrl}/_sandbox/receiver/${name}`,
    verifyToken: receivers.verifyTokenOf(name) ?? '',
  }));
  return {
    graphVersion: DEFAULT_GRAPH_VERSION,
    businesses: state.configuredBusinesses.map(({ id, name }) => ({ id, name })),
    otherBusinesses: [...state.businesses.values()]
      .filter((b) => !state.configuredBusinesses.includes(b))
      .map(({ id, name }) => ({ id, name })),
    apps: state.appList.map((app) => ({
      id: app.id,
      name: app.name,
      secret: app.secret,
      accessToken: app.accessToken,
      appAccessToken: appAccessToken(app),
      callbackUrl: app.callbackUrl ?? null,
      appsecretProofRequired: app.appsecretProofRequired,
      businesses: app.businesses ?? null,
      readOnlyWabas: app.readOnlyWabas,
      expiredAccessToken: app.expiredAccessToken,
      revokedAccessToken: app.revokedAccessToken,
    })),
    receiverUrl: `${baseUrl}/_sandbox/receiver/demo`,
    receivers: receiverList,
    scenarios: state.scenarios,
    counts: {
      businesses: state.configuredBusinesses.length,
      wabas: state.wabas.size,
      phoneNumbers: state.phoneNumbers.size,
    },
    webhookClientCa,
  };
}
