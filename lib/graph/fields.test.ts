import { describe, expect, it } from 'vitest';
import { fieldsFor, nestedEdge } from './fields';

describe('field strings', () => {
  it('builds the WABA-with-numbers expansion', () => {
    expect(fieldsFor.wabaWithNumbers(100)).toBe(
      'id,name,owner_business_info,phone_numbers.limit(100).summary(total_count){id,display_phone_number,verified_name,quality_rating,webhook_configuration},subscribed_apps',
    );
  });

  it('builds nested edges with optional limit and fields', () => {
    expect(nestedEdge('subscribed_apps')).toBe('subscribed_apps');
    expect(nestedEdge('phone_numbers', { limit: 2.7, fields: ['id'] })).toBe('phone_numbers.limit(2){id}');
  });

  it('lists the number fields the console shows', () => {
    expect(fieldsFor.phoneNumberList().split(',')).toContain('webhook_configuration');
    expect(fieldsFor.phoneNumberDetail().split(',')).toEqual(
      expect.arrayContaining(['status', 'platform_type']),
    );
  });
});
