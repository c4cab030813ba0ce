/**
 * Where Meta sends one field's webhook for a phone number, per subscribed app (docs/graph-facts.md §1): only apps
 * subscribed to the number's WABA get anything, and only for fields they subscribed to at the app level;
 * override-following fields go to the phone override, else the app's WABA override, else the app callback;
 * every other field always goes to the app callback.
 */
import { OVERRIDE_FOLLOWING_FIELDS, type Tier } from '@/lib/graph/schemas';
import type { SandboxState } from './state';
import type { App, PhoneNumber } from './types';

export type SkipReason = 'field_not_subscribed' | 'no_callback_url';

export interface RouteTarget {
  app: App;
  tier: Tier | null;
  url: string | null;
  skip?: SkipReason;
}

const FOLLOWING: ReadonlySet<string> = new Set(OVERRIDE_FOLLOWING_FIELDS);

export function followsOverrides(field: string): boolean {
  return FOLLOWING.has(field);
}

export function routeTargets(state: SandboxState, phone: PhoneNumber, field: string): RouteTarget[] {
  return state.subscriptionsOf(phone.wabaId).map(({ app, subscription }) => {
    if (!app.fields.includes(field)) return { app, tier: null, url: null, skip: 'field_not_subscribed' };
    const candidates: Array<[Tier, string | undefined]> = followsOverrides(field)
      ? [
          ['phone_number', state.phoneOverride(app.id, phone.id)?.overrideCallbackUri],
          ['whatsapp_business_account', subscription.overrideCallbackUri],
          ['application', app.callbackUrl],
        ]
      : [['application', app.callbackUrl]];
    const winner = candidates.find(([, url]) => url);
    if (!winner?.[1]) return { app, tier: null, url: null, skip: 'no_callback_url' };
    return { app, tier: winner[0], url: winner[1] };
  });
}
