import { describe, expect, it } from 'vitest';
import { maskSecret } from './mask';

describe('maskSecret', () => {
  it('keeps two characters at each end of a long enough token', () => {
    expect(maskSecret('abcdef123')).toBe('ab•••••23');
  });

  it('hides short tokens entirely, with a length that reveals nothing', () => {
    expect(maskSecret('a')).toBe('••••••');
    expect(maskSecret('abcdefgh')).toBe('••••••');
  });

  it('caps the bullets for very long tokens', () => {
    const masked = maskSecret(`xy${'s'.repeat(500)}zz`);
    expect(masked).toBe(`xy${'•'.repeat(12)}zz`);
  });

  it('passes null and empty through', () => {
    expect(maskSecret(null)).toBeNull();
    expect(maskSecret(undefined)).toBeNull();
    expect(maskSecret('')).toBe('');
  });

  it('never contains the middle of the token', () => {
    const token = 'verify-me-please-0123456789';
    const masked = maskSecret(token) ?? '';
    expect(masked).not.toContain('verify');
    expect(masked).not.toContain('0123');
  });

  it('keeps characters outside the BMP whole, so the mask is valid text', () => {
    const masked = maskSecret('🔑🔑-token-🔒🔒') ?? '';
    expect(masked).toBe(`🔑🔑${'•'.repeat(7)}🔒🔒`);
    expect(masked.isWellFormed()).toBe(true);
  });
});
