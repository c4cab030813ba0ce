/**
 * Email + password sign-in, independent of next-auth so it can be tested directly: rate limit → look up →
 * bcrypt → record the attempt. Errors thrown here become the `error` code the sign-in form shows.
 */
import 'server-only';
import { z } from 'zod';
import { verifyPassword } from '@/lib/auth/password';
import { checkSignInAllowed, recordSignInAttempt } from '@/lib/auth/rate-limit';
import { findUserByEmail, normalizeEmail } from '@/lib/db/users';
import { logger } from '@/lib/log';

/** Codes the sign-in page understands (components/auth/sign-in-errors.ts). */
export const SIGN_IN_ERROR = {
  rateLimited: 'RateLimited',
  disabled: 'AccountDisabled',
} as const;

export class SignInRefused extends Error {
  override name = 'SignInRefused';
}

/** `RateLimited:<seconds>`: the form turns the seconds into "try again in …". */
export function rateLimitedCode(retryAfterSeconds: number): string {
  return `${SIGN_IN_ERROR.rateLimited}:${retryAfterSeconds}`;
}

const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(254),
  // bcrypt reads 72 bytes; the cap only stops huge bodies from reaching it.
  password: z.string().min(1).max(1024),
});

export interface SignedInIdentity {
  id: string;
  email: string;
  name: string | null;
  /** users.session_version at sign-in; the token carries it (lib/auth/session.ts compares). */
  sessionVersion: number;
}

export async function authorizeCredentials(
  input: unknown,
  ip: string | null,
): Promise<SignedInIdentity | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const email = normalizeEmail(parsed.data.email);
  const subject = { email, ip };

  const decision = await checkSignInAllowed(subject);
  if (!decision.allowed) {
    logger.warn({ ip, limit: decision.kind }, 'sign-in rate limited');
    throw new SignInRefused(rateLimitedCode(decision.retryAfterSeconds));
  }

  // Someone is guessing this email from many addresses: answer slowly, but still answer.
  if (decision.delayMs) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));

  const user = await findUserByEmail(email);
  const passwordOk = await verifyPassword(parsed.data.password, user?.passwordHash ?? null);
  const succeeded = Boolean(user && passwordOk && !user.disabled);
  await recordSignInAttempt(subject, succeeded);
  if (!user || !passwordOk) return null;
  // Only someone who knows the password learns the account is disabled; everyone else sees a plain miss.
  if (user.disabled) throw new SignInRefused(SIGN_IN_ERROR.disabled);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
