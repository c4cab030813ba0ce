/**
 * Which callback URL receives a number's webhooks for this app (docs/graph-facts.md §1):
 * phone number override > WABA override > application callback — and nothing at all when the app is not
 * subscribed to the WABA. Only some webhook fields follow overrides; the rest always go to the app callback.
 *
 * Pure and free of `server-only`: the console renders the same resolution the services compute.
 */
import { OVERRIDE_FOLLOWING_FIELDS, TIERS } from '@/lib/graph/constants';
import type { Tier, WebhookConfiguration } from '@/lib/graph/schemas';
import type { Resolution } from './types';

export interface RouteInput {
  /** Whether this app is subscribed to the number's WABA. */
  subscribed: boolean;
  tiers: WebhookConfiguration;
}

/** Human names for the tiers, for labels and sentences. */
export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  phone_number: 'Phone number',
  whatsapp_business_account: 'WABA',
  application: 'App',
};

/** Highest priority first, as Meta evaluates them. */
export const TIER_ORDER: readonly Tier[] = TIERS;

const NOUNS: Readonly<Record<Tier, string>> = {
  phone_number: 'the phone number override',
  whatsapp_business_account: 'the WABA override',
  application: 'the app callback',
};

const OVERRIDE_FIELDS: ReadonlySet<string> = new Set(OVERRIDE_FOLLOWING_FIELDS);

/** The URL set on a tier, or null: Graph clears an override by storing `""`, which means unset. */
export function tierUrl(tiers: WebhookConfiguration, tier: Tier): string | null {
  const value = tiers[tier];
  return value !== undefined && value.trim() !== '' ? value : null;
}

/** Tiers that have a URL, highest priority first. */
export function setTiers(tiers: WebhookConfiguration): Tier[] {
  return TIER_ORDER.filter((tier) => tierUrl(tiers, tier) !== null);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function winnerReason(winner: Tier, set: readonly Tier[]): string {
  // Every tier above the winner is unset by definition; name them so the reader sees why this one wins.
  const unsetAbove = TIER_ORDER.indexOf(winner);
  const head = ['', 'No phone number override; ', 'No phone number or WABA override; '][unsetAbove] ?? '';
  const beaten = set.slice(1).map((tier) => NOUNS[tier]);
  const tail = beaten.length ? `wins over ${joinAnd(beaten)}` : 'is used';
  return capitalize(`${head}${NOUNS[winner]} ${tail}.`);
}

/** The winning tier and URL for override-following fields such as `messages`. */
export function resolveRoute({ subscribed, tiers }: RouteInput): Resolution {
  const set = setTiers(tiers);
  if (!subscribed) {
    return {
      winner: null,
      url: null,
      reason: set.length
        ? 'The app is not subscribed to this WABA, so no webhooks are delivered; the callback URLs set are ignored.'
        : 'The app is not subscribed to this WABA, so no webhooks are delivered.',
    };
  }
  const winner = set[0];
  if (winner === undefined) {
    return {
      winner: null,
      url: null,
      reason: 'No callback URL is set on any tier, so no webhooks are delivered.',
    };
  }
  return { winner, url: tierUrl(tiers, winner), reason: winnerReason(winner, set) };
}

/** Whether webhooks of this field follow phone and WABA overrides (unknown fields do not). */
export function fieldFollowsOverrides(field: string): boolean {
  return OVERRIDE_FIELDS.has(field);
}

/** Where webhooks of one field go: override-following fields resolve normally, others only to the app. */
export function routeForField(input: RouteInput, field: string): Resolution {
  if (fieldFollowsOverrides(field)) return resolveRoute(input);
  const appOnly = `${field} webhooks always go to the app callback; overrides do not apply to them`;
  if (!input.subscribed) {
    return {
      winner: null,
      url: null,
      reason: 'The app is not subscribed to this WABA, so no webhooks are delivered.',
    };
  }
  const url = tierUrl(input.tiers, 'application');
  if (url === null) {
    return { winner: null, url: null, reason: `${appOnly}, and no app callback is set.` };
  }
  return { winner: 'application', url, reason: `${appOnly}.` };
}
