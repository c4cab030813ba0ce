/** The sentences the confirmation dialogs use to name what a WABA write will do. */
import { resolveRoute, TIER_ORDER } from '@/lib/routing/tiers';
import type { NumberRoute, Tier } from '@/lib/routing/types';

export function fallbackSentence(
  wabaLabel: string,
  applicationCallback: string | null,
  affected: number,
): string {
  const numbers = `${affected} number${affected === 1 ? '' : 's'}`;
  if (!applicationCallback) {
    return `Numbers of WABA ${wabaLabel} without a phone number override (${numbers}) will fall back to the app callback URL — and no app callback URL is known, so they may receive nothing.`;
  }
  return `Numbers of WABA ${wabaLabel} without a phone number override (${numbers}) will fall back to the app callback URL ${applicationCallback}.`;
}

export function unsubscribeSentence(
  wabaLabel: string,
  numberCount: number,
  wabaOverride: string | null,
): string {
  const numbers = `${numberCount} number${numberCount === 1 ? '' : 's'}`;
  const override = wabaOverride
    ? ` This app’s WABA override (${wabaOverride}) is removed with the subscription.`
    : '';
  return `No webhook for WABA ${wabaLabel} will reach this app: its ${numbers} stop delivering messages here at once, whatever their overrides. Other apps subscribed to the WABA are not affected.${override}`;
}

export interface SubscribeDestination {
  tier: Tier | null;
  url: string | null;
  count: number;
}

/**
 * Where each number of a WABA would deliver messages webhooks once this app subscribes: the tiers Graph
 * reports now, resolved as subscribed (a WABA override only exists with a subscription, so it is never set
 * here). Grouped by tier then URL, biggest group first within a tier.
 */
export function subscribeDestinations(numbers: Pick<NumberRoute, 'tiers'>[]): SubscribeDestination[] {
  const groups = new Map<string, SubscribeDestination>();
  for (const number of numbers) {
    const { winner, url } = resolveRoute({ subscribed: true, tiers: number.tiers });
    const key = `${winner ?? 'none'} ${url ?? ''}`;
    const group = groups.get(key) ?? { tier: winner, url, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  const rank = (tier: Tier | null) => (tier === null ? TIER_ORDER.length : TIER_ORDER.indexOf(tier));
  return [...groups.values()].sort((a, b) => rank(a.tier) - rank(b.tier) || b.count - a.count);
}

export function subscribeSentence(wabaLabel: string, destinations: SubscribeDestination[]): string {
  const delivering = destinations.filter((d) => d.url !== null).reduce((sum, d) => sum + d.count, 0);
  const numbers = `${delivering} number${delivering === 1 ? '' : 's'}`;
  return `Subscribing this app to WABA ${wabaLabel} starts delivery at once: ${numbers} start receiving messages webhooks here.`;
}
