/**
 * Sign-in error codes (from next-auth's `?error=` and from lib/auth) turned into sentences. Shared by the
 * server-rendered page (errors from redirects) and the client form (errors from `signIn()`).
 */

/** The longest wait any limit imposes is its window (15 minutes); a larger number in the URL is made up. */
const MAX_WAIT_SECONDS = 15 * 60;

function waitFor(raw: number): string {
  const seconds = Math.max(1, Math.min(MAX_WAIT_SECONDS, Number.isFinite(raw) ? raw : MAX_WAIT_SECONDS));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'The email or password is incorrect.',
  AccountDisabled: 'This account is disabled. Ask an admin to enable it.',
  SsoDomain: 'Your email domain is not allowed to sign in to Switchboard.',
  SsoNoEmail:
    'Your identity provider did not share an email address, so Switchboard cannot tell who you are.',
  SsoUnverified: 'Your identity provider has not verified your email address.',
  SsoEmailTaken:
    'A Switchboard account already uses this email. Sign in with your password, or ask an admin to link single sign-on.',
  SessionRequired: 'Sign in to continue.',
};

const SSO_FAILURE = 'Single sign-on did not complete. Try again, or sign in with your email and password.';

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const limited = /^RateLimited:(\d+)$/.exec(code);
  if (limited?.[1]) {
    return `Too many failed sign-in attempts. Try again in ${waitFor(Number(limited[1]))}.`;
  }
  if (MESSAGES[code]) return MESSAGES[code];
  if (
    [
      'OAuthSignin',
      'OAuthCallback',
      'OAuthCreateAccount',
      'Callback',
      'AccessDenied',
      'OAuthAccountNotLinked',
    ].includes(code)
  ) {
    return SSO_FAILURE;
  }
  return 'Sign-in failed. Try again.';
}
