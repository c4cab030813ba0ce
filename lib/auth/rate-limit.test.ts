import { beforeAll, describe, expect, it } from 'vitest';
import { checkSignInAllowed, type RateLimitRule, recordSignInAttempt } from './rate-limit';
import { useTestDatabase } from './test-support';

const MIN = 60_000;
const t0 = new Date('2026-01-01T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);

let n = 0;
/** A fresh email and IP per test: attempts are shared state in the one database. */
function subject() {
  n += 1;
  return { email: `Person${n}@Example.com`, ip: `10.0.0.${n}` };
}

async function fail(s: { email: string; ip: string | null }, minute: number, times = 1) {
  for (let i = 0; i < times; i++) await recordSignInAttempt(s, false, at(minute));
}

beforeAll(useTestDatabase);

describe('sign-in rate limits (defaults: 5 per email and IP, 20 per IP, 15 minutes)', () => {
  it('allows four failures for an email and blocks the fifth, with the time until it can retry', async () => {
    const s = subject();
    await fail(s, 0, 4);
    expect(await checkSignInAllowed(s, at(1))).toEqual({ allowed: true });
    await fail(s, 2);
    // Oldest counted failure at minute 0 leaves the window at minute 15: 12 minutes after minute 3.
    expect(await checkSignInAllowed(s, at(3))).toEqual({
      allowed: false,
      kind: 'email-ip',
      retryAfterSeconds: 12 * 60,
    });
  });

  it('counts the email case-insensitively, and refuses only the address that failed', async () => {
    const s = subject();
    for (let i = 0; i < 5; i++)
      await recordSignInAttempt({ email: s.email.toUpperCase(), ip: '192.0.2.50' }, false, at(0));
    const same = await checkSignInAllowed({ email: s.email.toLowerCase(), ip: '192.0.2.50' }, at(1));
    expect(same).toMatchObject({ allowed: false, kind: 'email-ip' });
    // The owner at another address is not locked out by a stranger's guesses…
    const owner = await checkSignInAllowed({ email: s.email.toLowerCase(), ip: '198.51.100.1' }, at(1));
    expect(owner.allowed).toBe(true);
  });

  it('slows an email guessed from many addresses down instead of refusing it', async () => {
    const s = subject();
    for (let i = 0; i < 4; i++)
      await recordSignInAttempt({ email: s.email, ip: `192.0.2.${i}` }, false, at(0));
    expect(await checkSignInAllowed({ email: s.email, ip: '198.51.100.2' }, at(1))).toEqual({
      allowed: true,
    });
    await recordSignInAttempt({ email: s.email, ip: '192.0.2.4' }, false, at(0));
    expect(await checkSignInAllowed({ email: s.email, ip: '198.51.100.2' }, at(1))).toEqual({
      allowed: true,
      delayMs: 250,
    });
    for (let i = 5; i < 60; i++)
      await recordSignInAttempt({ email: s.email, ip: `192.0.2.${i}` }, false, at(0));
    expect(await checkSignInAllowed({ email: s.email, ip: '198.51.100.2' }, at(1))).toEqual({
      allowed: true,
      delayMs: 5_000,
    });
    // A success ends the slow-down; the window does too.
    expect(await checkSignInAllowed({ email: s.email, ip: '198.51.100.2' }, at(16))).toEqual({
      allowed: true,
    });
    await recordSignInAttempt({ email: s.email, ip: '198.51.100.2' }, true, at(2));
    expect(await checkSignInAllowed({ email: s.email, ip: '198.51.100.3' }, at(3))).toEqual({
      allowed: true,
    });
  });

  it('is a sliding window, not a lockout: allowed again once the oldest failure expires', async () => {
    const s = subject();
    await fail(s, 0, 3);
    await fail(s, 10, 2);
    expect((await checkSignInAllowed(s, at(14))).allowed).toBe(false);
    // At minute 15 the three failures from minute 0 are out of the window; two remain.
    expect(await checkSignInAllowed(s, at(15))).toEqual({ allowed: true });
    const before = await checkSignInAllowed(s, at(14));
    expect(before).toEqual({ allowed: false, kind: 'email-ip', retryAfterSeconds: 60 });
  });

  it('clears the email count after a successful sign-in', async () => {
    const s = subject();
    await fail(s, 0, 4);
    await recordSignInAttempt(s, true, at(1));
    await fail(s, 2, 4);
    expect(await checkSignInAllowed(s, at(3))).toEqual({ allowed: true });
    await fail(s, 3);
    expect((await checkSignInAllowed(s, at(4))).allowed).toBe(false);
  });

  it('blocks an IP after 20 failures across many emails, and a success does not reset it', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 19; i++)
      await recordSignInAttempt({ email: `spray${i}@example.com`, ip }, false, at(i * 0.5));
    await recordSignInAttempt({ email: 'real@example.com', ip }, true, at(10));
    expect(await checkSignInAllowed({ email: 'new@example.com', ip }, at(10))).toEqual({ allowed: true });
    await recordSignInAttempt({ email: 'spray19@example.com', ip }, false, at(10));
    const blocked = await checkSignInAllowed({ email: 'new@example.com', ip }, at(11));
    // The oldest of the 20 (minute 0) expires at minute 15: 4 minutes after minute 11.
    expect(blocked).toEqual({ allowed: false, kind: 'ip', retryAfterSeconds: 4 * 60 });
    expect(await checkSignInAllowed({ email: 'new@example.com', ip: '203.0.113.8' }, at(11))).toEqual({
      allowed: true,
    });
  });

  it('reports the later of two blocks when both email and IP are over their limits', async () => {
    const rules: RateLimitRule[] = [
      { kind: 'email', maxFailures: 2, windowMs: 10 * MIN, resetOnSuccess: true },
      { kind: 'ip', maxFailures: 2, windowMs: 30 * MIN, resetOnSuccess: false },
    ];
    const s = subject();
    await fail(s, 0, 2);
    expect(await checkSignInAllowed(s, at(1), rules)).toEqual({
      allowed: false,
      kind: 'ip',
      retryAfterSeconds: 29 * 60,
    });
  });

  it('ignores attempts for other keys and works without a known IP', async () => {
    const s = subject();
    await fail({ email: 'someone-else@example.com', ip: null }, 0, 10);
    expect(await checkSignInAllowed({ email: s.email, ip: null }, at(1))).toEqual({ allowed: true });
  });
});
