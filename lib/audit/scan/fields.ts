/**
 * The one listing request of the audit: WABAs with their first page of numbers (with the three tiers via
 * `webhook_configuration`) and their subscribed apps, through nested field expansion, plus total counts so the
 * progress bar knows the size of the fleet before it has read it all.
 */
import { PHONE_NUMBER_LIST_FIELDS } from '@/lib/graph/fields';

/** Graph caps page sizes; the sandbox at 100 (lib/graph-sandbox/README.md), as Graph does for most edges. */
export const AUDIT_WABA_PAGE_SIZE = 100;
export const AUDIT_NESTED_LIMIT = 100;

export function auditWabaFields(nestedLimit: number = AUDIT_NESTED_LIMIT): string {
  const numbers = `phone_numbers.limit(${Math.trunc(nestedLimit)}).summary(total_count){${PHONE_NUMBER_LIST_FIELDS.join(',')}}`;
  return ['id', 'name', numbers, 'subscribed_apps'].join(',');
}
