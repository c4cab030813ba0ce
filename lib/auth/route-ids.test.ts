import { describe, expect, it } from 'vitest';
import { isMalformedIdPath } from './route-ids';

describe('isMalformedIdPath', () => {
  it('lets numeric Graph ids and other paths through', () => {
    expect(isMalformedIdPath('/numbers/106540352200001')).toBe(false);
    expect(isMalformedIdPath('/wabas/1234/')).toBe(false);
    expect(isMalformedIdPath('/activity')).toBe(false);
    expect(isMalformedIdPath('/numbers')).toBe(false);
  });

  it.each([
    '/numbers/%ff%fe',
    '/numbers/%C0%AE%C0%AE',
    '/wabas/%E0%A4%A',
    `/numbers/${'1'.repeat(65)}`,
    '/numbers/..%2F..%2Fetc',
    '/wabas/abc',
  ])('refuses %s', (path) => {
    expect(isMalformedIdPath(path)).toBe(true);
  });
});
