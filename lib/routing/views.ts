/** Graph wire shapes → the view models of lib/routing/types.ts. Pure mapping, no I/O. */
import 'server-only';
import type { PhoneNumber, SubscribedApp } from '@/lib/graph/schemas';
import type { WabaPlacement } from './fleet';
import { resolveRoute } from './tiers';
import type { NumberRoute, SubscribedAppView, WabaSummary } from './types';

/** Graph stores a cleared override as `""`; both that and absence mean "unset". */
export function presentOrNull(value: string | undefined | null): string | null {
  return value ? value : null;
}

export function thisAppEntry(appId: string, apps: readonly SubscribedApp[]): SubscribedApp | undefined {
  return apps.find((entry) => entry.whatsapp_business_api_data.id === appId);
}

export function toSubscribedAppViews(appId: string, apps: readonly SubscribedApp[]): SubscribedAppView[] {
  return apps.map((entry) => ({
    appId: entry.whatsapp_business_api_data.id,
    name: entry.whatsapp_business_api_data.name ?? null,
    overrideCallbackUri: presentOrNull(entry.override_callback_uri),
    isThisApp: entry.whatsapp_business_api_data.id === appId,
  }));
}

export function toNumberRoute(phone: PhoneNumber, wabaId: string, subscribed: boolean): NumberRoute {
  const tiers = phone.webhook_configuration ?? {};
  return {
    phoneNumberId: phone.id,
    wabaId,
    displayPhoneNumber: phone.display_phone_number ?? null,
    verifiedName: phone.verified_name ?? null,
    qualityRating: phone.quality_rating ?? null,
    tiers,
    subscribed,
    resolution: resolveRoute({ subscribed, tiers }),
  };
}

export function toWabaSummary(
  placement: WabaPlacement,
  appId: string,
  subscribedApps: readonly SubscribedApp[],
  numberCount: number,
): WabaSummary {
  const mine = thisAppEntry(appId, subscribedApps);
  return {
    wabaId: placement.wabaId,
    name: placement.name,
    businessId: placement.businessId,
    ownership: placement.ownership,
    ownerBusinessName: placement.ownerBusinessName ?? null,
    numberCount,
    subscribed: mine !== undefined,
    wabaOverride: presentOrNull(mine?.override_callback_uri),
    subscriptions: subscribedApps.map((entry) => ({
      appId: entry.whatsapp_business_api_data.id,
      overrideCallbackUri: presentOrNull(entry.override_callback_uri),
    })),
  };
}
