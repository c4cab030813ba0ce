import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with bcrypt and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password!'), hashPassword('same password!')]);
    expect(a).not.toBe(b);
  });

  it('refuses to verify against a missing hash (SSO-only users), still spending the time', async () => {
    const started = performance.now();
    expect(await verifyPassword('anything at all', null)).toBe(false);
    expect(performance.now() - started).toBeGreaterThan(20);
  });

  it('names what is wrong with a weak or over-long password', async () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(73))).toMatch(/at most 72 bytes/);
    // 24 × 3-byte characters = 72 bytes: fine; one more is not.
    expect(passwordProblem('€'.repeat(24))).toBeNull();
    expect(passwordProblem('€'.repeat(25))).toMatch(/72 bytes/);
    await expect(hashPassword('short')).rejects.toThrow(/at least 12/);
  });
});
