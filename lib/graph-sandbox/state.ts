import type { WebhookConfiguration } from '@/lib/graph/schemas';
import type {
  App,
  Business,
  Fleet,
  FleetScenarios,
  PhoneNumber,
  PhoneOverride,
  Subscription,
  Waba,
} from './types';

export type TokenType = 'SYSTEM_USER' | 'APP';
export interface TokenInfo {
  appId: string;
  type: TokenType;
  /** Set on tokens Graph recognises but no longer accepts. */
  rejected?: 'expired' | 'revoked';
}

export type NodeRef =
  | { kind: 'business'; business: Business }
  | { kind: 'waba'; waba: Waba }
  | { kind: 'phone'; phone: PhoneNumber; waba: Waba }
  | { kind: 'app'; app: App };

/**
 * The mutable world the Graph surface reads and writes. Built from a fleet factory so `reset()` can
 * restore the seeded state exactly. Subscriptions are kept per WABA in insertion order because
 * `GET subscribed_apps` lists every app's entry; overrides are keyed by app first because every read
 * of them is from one app's point of view.
 */
export class SandboxState {
  /** Every business Graph knows, configured or not. */
  businesses = new Map<string, Business>();
  /** The fixture's `businesses`: what its operator configures. */
  configuredBusinesses: Business[] = [];
  wabas = new Map<string, Waba>();
  phoneNumbers = new Map<string, PhoneNumber>();
  apps = new Map<string, App>();
  appList: App[] = [];
  scenarios!: FleetScenarios;
  private tokens = new Map<string, TokenInfo>();
  private owned = new Map<string, Waba[]>();
  private clients = new Map<string, Waba[]>();
  private subscriptions = new Map<string, Map<string, Subscription>>();
  private phoneOverrides = new Map<string, Map<string, PhoneOverride>>();

  constructor(private readonly buildFleet: () => Fleet) {
    this.load(buildFleet());
  }

  reset(): void {
    this.load(this.buildFleet());
  }

  private load(fleet: Fleet): void {
    const everyBusiness = [...fleet.businesses, ...(fleet.otherBusinesses ?? [])];
    this.configuredBusinesses = fleet.businesses;
    this.businesses = new Map(everyBusiness.map((b) => [b.id, b]));
    this.wabas = new Map(fleet.wabas.map((w) => [w.id, w]));
    this.phoneNumbers = new Map(fleet.phoneNumbers.map((p) => [p.id, p]));
    this.appList = fleet.apps;
    this.apps = new Map(fleet.apps.map((a) => [a.id, a]));
    this.scenarios = fleet.scenarios;
    this.tokens = new Map();
    for (const app of fleet.apps) {
      this.tokens.set(app.accessToken, { appId: app.id, type: 'SYSTEM_USER' });
      this.tokens.set(appAccessToken(app), { appId: app.id, type: 'APP' });
      this.tokens.set(app.expiredAccessToken, { appId: app.id, type: 'SYSTEM_USER', rejected: 'expired' });
      this.tokens.set(app.revokedAccessToken, { appId: app.id, type: 'SYSTEM_USER', rejected: 'revoked' });
    }
    this.owned = new Map(everyBusiness.map((b) => [b.id, []]));
    this.clients = new Map(everyBusiness.map((b) => [b.id, []]));
    for (const waba of fleet.wabas) {
      this.owned.get(waba.ownerBusinessId)?.push(waba);
      for (const client of waba.clientOf) this.clients.get(client)?.push(waba);
    }
    this.subscriptions = new Map();
    for (const { appId, wabaId, ...sub } of fleet.subscriptions) this.subscribe(appId, wabaId, sub);
    this.phoneOverrides = new Map();
    for (const { appId, phoneNumberId, ...override } of fleet.phoneOverrides) {
      this.setPhoneOverride(appId, phoneNumberId, override);
    }
  }

  token(token: string): TokenInfo | undefined {
    return this.tokens.get(token);
  }

  resolveNode(id: string): NodeRef | undefined {
    const phone = this.phoneNumbers.get(id);
    if (phone) {
      const waba = this.wabas.get(phone.wabaId);
      return waba && { kind: 'phone', phone, waba };
    }
    const waba = this.wabas.get(id);
    if (waba) return { kind: 'waba', waba };
    const business = this.businesses.get(id);
    if (business) return { kind: 'business', business };
    const app = this.apps.get(id);
    return app && { kind: 'app', app };
  }

  /** The businesses a node belongs to: a WABA's owner and the businesses it is a client WABA of. */
  businessesOf(node: NodeRef): string[] {
    if (node.kind === 'business') return [node.business.id];
    if (node.kind === 'app') return [];
    return [node.waba.ownerBusinessId, ...node.waba.clientOf];
  }

  ownedWabas(businessId: string): Waba[] {
    return this.owned.get(businessId) ?? [];
  }

  clientWabas(businessId: string): Waba[] {
    return this.clients.get(businessId) ?? [];
  }

  numbersOf(waba: Waba): PhoneNumber[] {
    return waba.phoneNumberIds.flatMap((id) => this.phoneNumbers.get(id) ?? []);
  }

  subscription(appId: string, wabaId: string): Subscription | undefined {
    return this.subscriptions.get(wabaId)?.get(appId);
  }

  /** Every app's subscription to a WABA, in the order they subscribed. */
  subscriptionsOf(wabaId: string): Array<{ app: App; subscription: Subscription }> {
    return [...(this.subscriptions.get(wabaId) ?? [])].flatMap(([appId, subscription]) => {
      const app = this.apps.get(appId);
      return app ? [{ app, subscription }] : [];
    });
  }

  /** Subscribes (or re-subscribes) the app; the given override replaces any previous one, absent means none. */
  subscribe(appId: string, wabaId: string, subscription: Subscription): void {
    let byApp = this.subscriptions.get(wabaId);
    if (!byApp) {
      byApp = new Map();
      this.subscriptions.set(wabaId, byApp);
    }
    byApp.set(appId, { ...subscription });
  }

  /** Removes the subscription and with it the WABA override; phone overrides stay, as on Meta. */
  unsubscribe(appId: string, wabaId: string): void {
    this.subscriptions.get(wabaId)?.delete(appId);
  }

  phoneOverride(appId: string, phoneNumberId: string): PhoneOverride | undefined {
    return this.phoneOverrides.get(appId)?.get(phoneNumberId);
  }

  phoneOverridesOf(appId: string): Map<string, PhoneOverride> {
    return this.phoneOverrides.get(appId) ?? new Map();
  }

  setPhoneOverride(appId: string, phoneNumberId: string, override: PhoneOverride): void {
    let byPhone = this.phoneOverrides.get(appId);
    if (!byPhone) {
      byPhone = new Map();
      this.phoneOverrides.set(appId, byPhone);
    }
    byPhone.set(phoneNumberId, { ...override });
  }

  clearPhoneOverride(appId: string, phoneNumberId: string): void {
    this.phoneOverrides.get(appId)?.delete(phoneNumberId);
  }

  /** `GET /_sandbox/state`: subscriptions and overrides per app, for debugging (verify tokens left out). */
  dump() {
    return {
      apps: this.appList.map((app) => ({
        id: app.id,
        name: app.name,
        callbackUrl: app.callbackUrl ?? null,
        fields: app.fields,
        subscriptions: [...this.subscriptions].flatMap(([wabaId, byApp]) => {
          const sub = byApp.get(app.id);
          return sub ? [{ wabaId, overrideCallbackUri: sub.overrideCallbackUri ?? null }] : [];
        }),
        phoneOverrides: [...this.phoneOverridesOf(app.id)].map(([phoneNumberId, o]) => ({
          phoneNumberId,
          overrideCallbackUri: o.overrideCallbackUri,
        })),
      })),
    };
  }

  /** The three tiers as one app sees them; a key is absent when its tier is unset (docs/graph-facts.md §3). */
  webhookConfiguration(appId: string, phone: PhoneNumber): WebhookConfiguration {
    const config: WebhookConfiguration = {};
    const phoneTier = this.phoneOverride(appId, phone.id)?.overrideCallbackUri;
    const wabaTier = this.subscription(appId, phone.wabaId)?.overrideCallbackUri;
    const appTier = this.apps.get(appId)?.callbackUrl;
    if (phoneTier) config.phone_number = phoneTier;
    if (wabaTier) config.whatsapp_business_account = wabaTier;
    if (appTier) config.application = appTier;
    return config;
  }
}

export function appAccessToken(app: App): string {
  return `${app.id}|${app.secret}`;
}
