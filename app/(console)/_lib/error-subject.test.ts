import { describe, expect, it } from 'vitest';
import { errorSubject } from './error-subject';

describe('errorSubject', () => {
  it('names what the address shows', () => {
    expect(errorSubject('/numbers/1234567890')).toBe('this number');
    expect(errorSubject('/wabas/9876543210')).toBe('this WABA');
    expect(errorSubject('/wabas')).toBe('the WABAs');
  });

  it('says "this page" elsewhere, including addresses that only start like a section', () => {
    expect(errorSubject('/')).toBe('this page');
    expect(errorSubject('/audit')).toBe('this page');
    expect(errorSubject('/wabasx')).toBe('this page');
    expect(errorSubject('/numbers')).toBe('this page');
  });
});
