import { describe, expect, it } from 'vitest';
import { GraphApiError } from './errors';
import { parseFields, serializeFields } from './fields';

describe('parseFields', () => {
  it('parses plain lists, modifiers and nested blocks two levels deep', () => {
    const specs = parseFields(
      'id,name,phone_numbers.limit(50){id,display_phone_number,throughput{level}},subscribed_apps',
    );
    expect(specs.map((s) => s.name)).toEqual(['id', 'name', 'phone_numbers', 'subscribed_apps']);
    const phones = specs[2];
    expect(phones?.modifiers).toEqual({ limit: '50' });
    expect(phones?.children?.map((c) => c.name)).toEqual(['id', 'display_phone_number', 'throughput']);
    expect(phones?.children?.[2]?.children?.map((c) => c.name)).toEqual(['level']);
  });

  it('accepts modifiers after the block and several modifiers', () => {
    const [spec] = parseFields('phone_numbers{id}.limit(2).summary(total_count)');
    expect(spec).toEqual({
      name: 'phone_numbers',
      modifiers: { limit: '2', summary: 'total_count' },
      children: [{ name: 'id', modifiers: {} }],
    });
  });

  it('round-trips through serializeFields', () => {
    const input =
      'owned_whatsapp_business_accounts.limit(3){id,phone_numbers.limit(2){id,webhook_configuration}}';
    expect(serializeFields(parseFields(input))).toBe(input);
  });

  it.each(['id,{', 'phone_numbers{id', 'a.limit', 'a.limit(2', 'id}'])(
    'rejects %s with error 100',
    (input) => {
      const error = (() => {
        try {
          parseFields(input);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(GraphApiError);
      expect((error as GraphApiError).code).toBe(100);
    },
  );
});
