import { describe, expect, it } from 'vitest';
import { parseAppUsage, parseBusinessUseCaseUsage, parseUsageHeaders } from './usage';

describe('usage headers', () => {
  it('parses X-App-Usage', () => {
    expect(parseAppUsage('{"call_count":12,"total_cputime":3,"total_time":4}')).toEqual({
      call_count: 12,
      total_cputime: 3,
      total_time: 4,
    });
  });

  it('parses X-Business-Use-Case-Usage and takes the longest regain time', () => {
    const headers = new Headers({
      'X-Business-Use-Case-Usage': JSON.stringify({
        '111': [
          {
            type: 'whatsapp_business_management',
            call_count: 100,
            total_cputime: 5,
            total_time: 6,
            estimated_time_to_regain_access: 3,
          },
        ],
        '222': [
          { type: 'x', call_count: 20, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 },
        ],
      }),
    });
    const snapshot = parseUsageHeaders(headers, 42);
    expect(snapshot).toMatchObject({ app: null, regainAccessMinutes: 3, maxPercent: 100, receivedAt: 42 });
    expect(Object.keys(snapshot?.businessUseCase ?? {})).toEqual(['111', '222']);
  });

  it('accepts plain header records with any case', () => {
    const snapshot = parseUsageHeaders({
      'x-app-usage': '{"call_count":1,"total_cputime":2,"total_time":3}',
    });
    expect(snapshot?.app?.call_count).toBe(1);
    expect(snapshot?.regainAccessMinutes).toBeNull();
  });

  it.each([
    ['not json', '{call_count'],
    ['wrong type', '{"call_count":"many","total_cputime":1,"total_time":1}'],
    ['array', '[1,2,3]'],
    ['empty', ''],
  ])('ignores a malformed header (%s)', (_label, value) => {
    expect(parseAppUsage(value)).toBeNull();
    expect(parseBusinessUseCaseUsage(value)).toBeNull();
    expect(() =>
      parseUsageHeaders(new Headers({ 'x-app-usage': value, 'x-business-use-case-usage': value })),
    ).not.toThrow();
    expect(parseUsageHeaders(new Headers({ 'x-app-usage': value }))).toBeNull();
  });

  it('returns null without usage headers', () => {
    expect(parseUsageHeaders(new Headers())).toBeNull();
  });
});
