import { describe, expect, it } from 'vitest';
import { auditFilterSchema, auditSelectionFilterSchema, parseAuditFilter } from './filter';

// U+0000 made PostgreSQL refuse the query (a 500); a lone surrogate is half an emoji, text no row holds.
const BROKEN = ['a\u0000b', '\u0000', 'x\u0007', 'a\nb', '\ud83d', 'ab\udc00'];

describe('audit filter text', () => {
  it('from a URL: drops a value with a control or broken character, like any bad value', () => {
    for (const value of BROKEN) {
      expect(auditFilterSchema.parse({ q: value, url: value, waba: value, winner: 'none' })).toEqual({
        winner: 'none',
      });
    }
    expect(parseAuditFilter(new URLSearchParams('waba=%00&q=example.com'))).toEqual({ q: 'example.com' });
    // Surrounding whitespace (a pasted line break) is trimmed, not refused.
    expect(parseAuditFilter({ waba: ' Acme\n' })).toEqual({ waba: 'Acme' });
  });

  it('in a bulk selection: refuses it naming the field, and keeps dropping other bad values', () => {
    for (const value of BROKEN) {
      for (const field of ['q', 'url', 'waba'] as const) {
        const parsed = auditSelectionFilterSchema.safeParse({ [field]: value });
        expect(parsed.success, `${field} = ${JSON.stringify(value)}`).toBe(false);
        expect(parsed.error?.issues.map((i) => i.path)).toEqual([[field]]);
        expect(parsed.error?.issues[0]?.message).toMatch(/^Remove the (control|broken) character/);
      }
    }
    expect(
      auditSelectionFilterSchema.parse({ waba: ' Acme ', q: 'q'.repeat(201), winner: 'bogus', url: 5 }),
    ).toEqual({ waba: 'Acme' });
    expect(auditSelectionFilterSchema.parse({ q: '\texample.com\n' })).toEqual({ q: 'example.com' });
    expect(auditSelectionFilterSchema.safeParse({ url: 'https://e.com/\n' }).success).toBe(false);
    expect(auditSelectionFilterSchema.parse({})).toEqual({});
  });
});
