import { describe, expect, it } from 'vitest';
import {
  APP_CALLBACK_ONLY_FIELDS,
  OVERRIDE_FOLLOWING_FIELDS,
  type Tier,
  type WebhookConfiguration,
} from '@/lib/graph/schemas';
import {
  fieldFollowsOverrides,
  resolveRoute,
  routeForField,
  setTiers,
  TIER_LABELS,
  TIER_ORDER,
  tierUrl,
} from './tiers';

const PHONE = 'https://phone.example.com/hook';
const WABA = 'https://waba.example.com/hook';
const APP = 'https://app.example.com/hook';
const URLS: Record<Tier, string> = { phone_number: PHONE, whatsapp_business_account: WABA, application: APP };

/** Each tier is absent, cleared (`""`), or set. */
const STATES = ['absent', 'empty', 'set'] as const;
type State = (typeof STATES)[number];

function configOf(states: Record<Tier, State>): WebhookConfiguration {
  const config: WebhookConfiguration = {};
  for (const tier of TIER_ORDER) {
    if (states[tier] === 'empty') config[tier] = '';
    if (states[tier] === 'set') config[tier] = URLS[tier];
  }
  return config;
}

const combinations: Array<Record<Tier, State>> = STATES.flatMap((phone_number) =>
  STATES.flatMap((whatsapp_business_account) =>
    STATES.map((application) => ({ phone_number, whatsapp_business_account, application })),
  ),
);

describe('resolveRoute: every combination of the three tiers × subscribed', () => {
  it('covers 27 tier combinations', () => {
    expect(combinations).toHaveLength(27);
  });

  for (const states of combinations) {
    const label = `phone=${states.phone_number} waba=${states.whatsapp_business_account} app=${states.application}`;
    const tiers = configOf(states);

    it(`not subscribed, ${label}: no delivery`, () => {
      const r = resolveRoute({ subscribed: false, tiers });
      expect(r.winner).toBeNull();
      expect(r.url).toBeNull();
      expect(r.reason).toMatch(/not subscribed/);
    });

    it(`subscribed, ${label}`, () => {
      const r = resolveRoute({ subscribed: true, tiers });
      // Priority written out per case rather than recomputed, so a reordering bug cannot hide.
      const expected: Tier | null =
        states.phone_number === 'set'
          ? 'phone_number'
          : states.whatsapp_business_account === 'set'
            ? 'whatsapp_business_account'
            : states.application === 'set'
              ? 'application'
              : null;
      expect(r.winner).toBe(expected);
      expect(r.url).toBe(expected === null ? null : URLS[expected]);
      expect(r.reason.length).toBeGreaterThan(10);
      expect(r.reason).toMatch(/\.$/);
      if (expected === null) expect(r.reason).toMatch(/No callback URL is set/);
    });
  }
});

describe('resolveRoute reasons', () => {
  const reason = (tiers: WebhookConfiguration) => resolveRoute({ subscribed: true, tiers }).reason;

  it('names what the winner beats', () => {
    expect(reason({ phone_number: PHONE, whatsapp_business_account: WABA, application: APP })).toBe(
      'The phone number override wins over the WABA override and the app callback.',
    );
    expect(reason({ phone_number: PHONE, application: APP })).toBe(
      'The phone number override wins over the app callback.',
    );
    expect(reason({ phone_number: PHONE })).toBe('The phone number override is used.');
    expect(reason({ whatsapp_business_account: WABA, application: APP })).toBe(
      'No phone number override; the WABA override wins over the app callback.',
    );
    expect(reason({ phone_number: '', whatsapp_business_account: WABA })).toBe(
      'No phone number override; the WABA override is used.',
    );
    expect(reason({ application: APP })).toBe('No phone number or WABA override; the app callback is used.');
  });

  it('mentions ignored URLs when not subscribed', () => {
    expect(resolveRoute({ subscribed: false, tiers: { application: APP } }).reason).toMatch(/ignored/);
    expect(resolveRoute({ subscribed: false, tiers: {} }).reason).not.toMatch(/ignored/);
  });
});

describe('empty values', () => {
  it('treats "" and whitespace as unset', () => {
    expect(tierUrl({ phone_number: '' }, 'phone_number')).toBeNull();
    expect(tierUrl({ phone_number: '  ' }, 'phone_number')).toBeNull();
    expect(tierUrl({ phone_number: PHONE }, 'phone_number')).toBe(PHONE);
    expect(setTiers({ phone_number: '', whatsapp_business_account: WABA, application: '' })).toEqual([
      'whatsapp_business_account',
    ]);
    expect(resolveRoute({ subscribed: true, tiers: { phone_number: '', application: APP } }).winner).toBe(
      'application',
    );
  });
});

describe('fields', () => {
  const allSet: WebhookConfiguration = {
    phone_number: PHONE,
    whatsapp_business_account: WABA,
    application: APP,
  };

  for (const field of OVERRIDE_FOLLOWING_FIELDS) {
    it(`${field} follows overrides`, () => {
      expect(fieldFollowsOverrides(field)).toBe(true);
      expect(routeForField({ subscribed: true, tiers: allSet }, field)).toEqual(
        resolveRoute({ subscribed: true, tiers: allSet }),
      );
      expect(
        routeForField({ subscribed: true, tiers: { whatsapp_business_account: WABA } }, field).winner,
      ).toBe('whatsapp_business_account');
      expect(routeForField({ subscribed: false, tiers: allSet }, field).winner).toBeNull();
    });
  }

  for (const field of APP_CALLBACK_ONLY_FIELDS) {
    it(`${field} always goes to the app callback`, () => {
      expect(fieldFollowsOverrides(field)).toBe(false);
      const r = routeForField({ subscribed: true, tiers: allSet }, field);
      expect(r).toMatchObject({ winner: 'application', url: APP });
      expect(r.reason).toContain(field);
      expect(routeForField({ subscribed: true, tiers: { phone_number: PHONE } }, field)).toMatchObject({
        winner: null,
        url: null,
      });
      expect(routeForField({ subscribed: false, tiers: allSet }, field).winner).toBeNull();
    });
  }

  it('the two field lists do not overlap', () => {
    const appOnly = new Set<string>(APP_CALLBACK_ONLY_FIELDS);
    expect(OVERRIDE_FOLLOWING_FIELDS.filter((f) => appOnly.has(f))).toEqual([]);
  });

  it('unknown fields go to the app callback', () => {
    expect(fieldFollowsOverrides('something_new')).toBe(false);
    expect(routeForField({ subscribed: true, tiers: allSet }, 'something_new').winner).toBe('application');
  });
});

describe('labels', () => {
  it('has a human name for every tier, in priority order', () => {
    expect(TIER_ORDER).toEqual(['phone_number', 'whatsapp_business_account', 'application']);
    expect(TIER_ORDER.map((t) => TIER_LABELS[t])).toEqual(['Phone number', 'WABA', 'App']);
  });
});
