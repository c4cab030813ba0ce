/**
 * `fields=` strings for the calls Switchboard makes, including nested field expansion
 * (`phone_numbers.limit(100){id,…}`), so one request can return a WABA with its numbers and their tiers.
 * Pure: no `server-only`, safe to share.
 */

/** What a list row needs: identity, quality, and the three tiers. */
export const PHONE_NUMBER_LIST_FIELDS = [
  'id',
  'display_phone_number',
  'verified_name',
  'quality_rating',
  'webhook_configuration',
] as const;

/** Everything the number detail page shows. */
export const PHONE_NUMBER_DETAIL_FIELDS = [
  ...PHONE_NUMBER_LIST_FIELDS,
  'status',
  'name_status',
  'code_verification_status',
  'platform_type',
  'throughput',
  'account_mode',
] as const;

export const WABA_LIST_FIELDS = [
  'id',
  'name',
  'currency',
  'timezone_id',
  'message_template_namespace',
] as const;

/**
 * What the routing doctor's `number_status` and `waba_status` checks read: asked for in the audit's fleet scan
 * (`health: true`), so every number gets a verdict from the same listing pages, with no call per number.
 */
export const PHONE_NUMBER_HEALTH_FIELDS = ['status', 'platform_type', 'health_status'] as const;
export const WABA_HEALTH_FIELDS = ['account_review_status', 'health_status'] as const;

/** Graph's default page size for nested edges is small; 100 keeps most WABAs to one request. */
export const DEFAULT_NESTED_LIMIT = 100;

/** `edge.limit(n){a,b}`: a nested edge with its own page size and fields. */
export function nestedEdge(
  edge: string,
  opts: { limit?: number; totalCount?: boolean; fields?: readonly string[] } = {},
): string {
  const limit = opts.limit === undefined ? '' : `.limit(${Math.trunc(opts.limit)})`;
  const summary = opts.totalCount ? '.summary(total_count)' : '';
  const fields = opts.fields?.length ? `{${opts.fields.join(',')}}` : '';
  return `${edge}${limit}${summary}${fields}`;
}

export const fieldsFor = {
  phoneNumberList: (): string => PHONE_NUMBER_LIST_FIELDS.join(','),
  phoneNumberDetail: (): string => PHONE_NUMBER_DETAIL_FIELDS.join(','),
  wabaList: (): string => WABA_LIST_FIELDS.join(','),
  /**
   * A WABA with its first page of numbers (with the three tiers via `webhook_configuration`) and its
   * subscribed apps, plus the number count so a fleet scan's progress knows the size before it has read it all:
   * `id,name,phone_numbers.limit(100).summary(total_count){id,display_phone_number,…,webhook_configuration},subscribed_apps`
   */
  wabaWithNumbers: (limit: number = DEFAULT_NESTED_LIMIT, opts: { health?: boolean } = {}): string =>
    [
      'id',
      'name',
      // Who owns it: a client WABA's owner is often a business nobody configured (the WABA list shows it).
      'owner_business_info',
      ...(opts.health ? WABA_HEALTH_FIELDS : []),
      nestedEdge('phone_numbers', {
        limit,
        totalCount: true,
        fields: opts.health
          ? [...PHONE_NUMBER_LIST_FIELDS, ...PHONE_NUMBER_HEALTH_FIELDS]
          : PHONE_NUMBER_LIST_FIELDS,
      }),
      'subscribed_apps',
    ].join(','),
};
