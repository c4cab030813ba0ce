/**
 * Sign-in rate limits, counted in the shared `sign_in_attempts` table.
 *
 * Refusals are per email *and* address (5 failures) and per address (20 failures): a stranger guessing
 * someone's password from their own address locks only themselves out, never the owner at another address.
 * Across addresses an email is slowed down, not refused: once it has 5 recent failures from anywhere, every
 * further check waits a little longer (up to 5 s), which makes a distributed guess expensive while the owner,
 * from an address with no recent failures, still gets in with the right password.
 *
 * Only failures count, inside a sliding window, so a blocked caller can always try again once the oldest
 * counted failure leaves the window (Retry-After semantics, never a permanent lockout). A successful sign-in
 * clears the email's counts; it does not clear the IP's, so one valid account cannot be used to keep guessing
 * others from the same address. Blocked attempts are not recorded, so hammering does not extend the block.
 */
import 'server-only';
import { insertSignInAttempt, pruneSignInAttempts, recentSignInAttempts } from '@/lib/db/sign-in-attempts';
import { normalizeEmail } from '@/lib/db/users';

type LimitKind = 'email' | 'email-ip' | 'ip';

export interface RateLimitRule {
  kind: LimitKind;
  maxFailures: number;
  windowMs: number;
  /** Whether a success clears the failures before it. */
  resetOnSuccess: boolean;
}

export const SIGN_IN_LIMITS: readonly RateLimitRule[] = [
  { kind: 'email-ip', maxFailures: 5, windowMs: 15 * 60_000, resetOnSuccess: true },
  { kind: 'ip', maxFailures: 20, windowMs: 15 * 60_000, resetOnSuccess: false },
];

/** The per-email slow-down: from the 5th recent failure on, 250 ms more per failure, at most 5 s. */
export const EMAIL_SLOWDOWN = { afterFailures: 5, stepMs: 250, maxMs: 5_000, windowMs: 15 * 60_000 } as const;

const RETENTION_MS = 24 * 60 * 60_000;

export type RateLimitDecision =
  | { allowed: true; delayMs?: number }
  | { allowed: false; retryAfterSeconds: number; kind: LimitKind };

export interface AttemptSubject {
  email: string;
  ip: string | null;
}

function keyFor(kind: LimitKind, subject: AttemptSubject): string | null {
  if (kind === 'email') return `email:${normalizeEmail(subject.email)}`;
  // Without a known address every caller shares one key, which is what the per-email rule used to be.
  if (kind === 'email-ip') return `email-ip:${normalizeEmail(subject.email)}|${subject.ip ?? ''}`;
  return subject.ip ? `ip:${subject.ip}` : null;
}

/** Recent failures for the email since its last success, from any address. */
async function emailFailures(subject: AttemptSubject, now: Date, cap: number): Promise<number> {
  const rows = await recentSignInAttempts({
    key: `email:${normalizeEmail(subject.email)}`,
    since: new Date(now.getTime() - EMAIL_SLOWDOWN.windowMs),
    limit: cap,
  });
  return firstSuccess(rows);
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
  let worst: { until: Date; kind: LimitKind } | null = null;
  for (const rule of rules) {
    const key = keyFor(rule.kind, subject);
    if (!key) continue;
    const until = await blockedUntil(rule, key, now);
    if (until && until > now && (!worst || until > worst.until)) worst = { until, kind: rule.kind };
  }
  if (!worst) {
    const { afterFailures, stepMs, maxMs } = EMAIL_SLOWDOWN;
    const failures = await emailFailures(subject, now, afterFailures + Math.ceil(maxMs / stepMs));
    if (failures < afterFailures) return { allowed: true };
    return { allowed: true, delayMs: Math.min(maxMs, (failures - afterFailures + 1) * stepMs) };
  }
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
  for (const kind of ['email', 'email-ip', 'ip'] as const) {
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
