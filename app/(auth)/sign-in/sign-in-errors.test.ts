import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from '@/components/auth/sign-in-errors';

describe('signInErrorMessage', () => {
  it('names the wait of a rate limit', () => {
    expect(signInErrorMessage('RateLimited:30')).toBe(
      'Too many failed sign-in attempts. Try again in 30 seconds.',
    );
    expect(signInErrorMessage('RateLimited:900')).toBe(
      'Too many failed sign-in attempts. Try again in 15 minutes.',
    );
  });

  it('clamps a made-up wait from the URL to the longest real one', () => {
    expect(signInErrorMessage(`RateLimited:${'9'.repeat(30)}`)).toBe(
      'Too many failed sign-in attempts. Try again in 15 minutes.',
    );
    expect(signInErrorMessage('RateLimited:0')).toBe(
      'Too many failed sign-in attempts. Try again in 1 second.',
    );
  });
});
