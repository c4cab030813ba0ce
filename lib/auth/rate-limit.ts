/**
 * Sign-in rate limits, per email and per client IP, counted in the shared `sign_in_attempts` table.
 *
 * Only failures count, inside a sliding window, so a blocked caller can always try again once the oldest
 * counted failure leaves the window (Retry-After semantics, never a permanent lockout). A successful sign-in
 * clears the email's count; it does not clear the IP's, so one valid account cannot be used to keep guessing
 * others from the same address. Blocked attempts are not recorded, so hammering does not extend the block.
 */
import 'server-only';
import { insertSignInAttempt, pruneSignInAttempts, recentSignInAttempts } from '@/lib/db/sign-in-attempts';
import { normalizeEmail } from '@/lib/db/users';

export interface RateLimitRule {
  kind: 'email' | 'ip';
  maxFailures: number;
  windowMs: number;
  /** Whether a success clears the failures before it. */
  resetOnSuccess: boolean;
}

export const SIGN_IN_LIMITS: readonly RateLimitRule[] = [
  { kind: 'email', maxFailures: 5, windowMs: 15 * 60_000, resetOnSuccess: true },
  { kind: 'ip', maxFailures: 20, windowMs: 15 * 60_000, resetOnSuccess: false },
];

const RETENTION_MS = 24 * 60 * 60_000;

export type RateLimitDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; kind: 'email' | 'ip' };

export interface AttemptSubject {
  email: string;
  ip: string | null;
}

function keyFor(kind: 'email' | 'ip', subject: AttemptSubject): string | null {
  if (kind === 'email') return `email:${normalizeEmail(subject.email)}`;
  return subject.ip ? `ip:${subject.ip}` : null;
}

/** When the rule blocks, the moment its oldest counted failure leaves the window; otherwise null. */
async function blockedUntil(rule: RateLimitRule, key: string, now: Date): Promise<Date | null> {
  const rows = await recentSignInAttempts({
    key,
    since: new Date(now.getTime() - rule.windowMs),
    limit: rule.maxFailures,
    failuresOnly: !rule.resetOnSuccess,
  });
  const failures = rule.resetOnSuccess ? rows.slice(0, firstSuccess(rows)) : rows;
  const oldestCounted = failures[rule.maxFailures - 1];
  return oldestCounted ? new Date(oldestCounted.at.getTime() + rule.windowMs) : null;
}

function firstSuccess(rows: { succeeded: boolean }[]): number {
  const index = rows.findIndex((r) => r.succeeded);
  return index === -1 ? rows.length : index;
}

export async function checkSignInAllowed(
  subject: AttemptSubject,
  now = new Date(),
  rules: readonly RateLimitRule[] = SIGN_IN_LIMITS,
): Promise<RateLimitDecision> {
  let worst: { until: Date; kind: 'email' | 'ip' } | null = null;
  for (const rule of rules) {
    const key = keyFor(rule.kind, subject);
    if (!key) continue;
    const until = await blockedUntil(rule, key, now);
    if (until && until > now && (!worst || until > worst.until)) worst = { until, kind: rule.kind };
  }
  if (!worst) return { allowed: true };
  return {
    allowed: false,
    kind: worst.kind,
    retryAfterSeconds: Math.max(1, Math.ceil((worst.until.getTime() - now.getTime()) / 1000)),
  };
}

export async function recordSignInAttempt(
  subject: AttemptSubject,
  succeeded: boolean,
  now = new Date(),
): Promise<void> {
  for (const kind of ['email', 'ip'] as const) {
    const key = keyFor(kind, subject);
    if (!key) continue;
    await insertSignInAttempt({ key, succeeded, at: now });
    await pruneSignInAttempts(new Date(now.getTime() - RETENTION_MS), key);
  }
}

/** Start-up housekeeping for keys nobody has tried since. */
export async function pruneOldSignInAttempts(now = new Date()): Promise<void> {
  await pruneSignInAttempts(new Date(now.getTime() - RETENTION_MS));
}
