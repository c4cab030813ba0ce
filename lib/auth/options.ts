/**
 * next-auth configuration. Built on first use rather than at import: `next build` imports route modules
 * without a runtime environment, and the secret may live in a file beside the data directory.
 *
 * Sessions are JWTs that carry only the user id (`sub`); lib/auth/session.ts reads everything else from the
 * database on each request.
 */
import 'server-only';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getConfig } from '@/lib/config';
import { bumpSessionVersion, findUserByExternalId } from '@/lib/db/users';
import { logger } from '@/lib/log';
import { safeCallbackFromUrl } from './callback-path';
import { clientIp } from './client-ip';
import { authorizeCredentials } from './credentials';
import { OIDC_PROVIDER_ID, type OidcProfile, oidcProvider, ssoSettings } from './oidc';
import { getAuthSecret } from './secret';
import { externalIdFor, resolveSsoUser } from './sso';

export const SIGN_IN_PATH = '/sign-in';
/** A workday; tokens are not refreshed in the background, so this is also the longest a session lasts. */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

let cached: AuthOptions | undefined;

function build(): AuthOptions {
  const config = getConfig();
  const sso = ssoSettings(config);
  const oidc = oidcProvider(config);
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        authorize: (credentials, req) => authorizeCredentials(credentials, clientIp(req.headers ?? {})),
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        if (!sso || !profile) return false;
        const claims = profile as OidcProfile;
        const outcome = await resolveSsoUser(
          {
            sub: claims.sub,
            email: claims.email,
            emailVerified: claims.email_verified,
            name: claims.name ?? claims.preferred_username,
          },
          sso,
        );
        if (outcome.ok) return true;
        logger.warn({ reason: outcome.code }, 'single sign-on refused');
        // Thrown messages become `?error=<code>` on the sign-in page.
        throw new Error(outcome.code);
      },
      async jwt({ token, user, account }) {
        if (account?.provider === OIDC_PROVIDER_ID && sso) {
          const linked = await findUserByExternalId(externalIdFor(sso.issuer, account.providerAccountId));
          return linked ? { sub: linked.id, sv: linked.sessionVersion } : {};
        }
        if (user) return { sub: user.id, sv: (user as { sessionVersion?: number }).sessionVersion ?? 0 };
        // Drop the name, email and picture next-auth adds by default: the token names the user and the
        // session version it was issued under, nothing more.
        return token.sub ? { sub: token.sub, sv: typeof token.sv === 'number' ? token.sv : 0 } : {};
      },
      session({ session, token }) {
        const sv = typeof token.sv === 'number' ? token.sv : 0;
        return { expires: session.expires, ...(token.sub ? { user: { id: token.sub, sv } } : {}) };
      },
      redirect({ url, baseUrl }) {
        // The same rule as the sign-in page's callbackUrl (a tab or backslash must not smuggle in a host).
        return `${baseUrl}${safeCallbackFromUrl(url, new URL(baseUrl).origin)}`;
      },
    },
    events: {
      // Sign-out ends the session for real: every token issued before now (a copied cookie too) stops working.
      async signOut({ token }) {
        if (token?.sub) await bumpSessionVersion(token.sub);
      },
    },
    logger: {
      error: (code, metadata) => logger.error({ code, detail: metadataName(metadata) }, 'next-auth error'),
      warn: (code) => logger.warn({ code }, 'next-auth warning'),
      debug: () => {},
    },
  };
}

/** next-auth hands over whole errors and OAuth payloads; only their names are safe to write down. */
function metadataName(metadata: unknown): string | undefined {
  if (metadata instanceof Error) return `${metadata.name}: ${metadata.message}`;
  if (metadata && typeof metadata === 'object' && 'error' in metadata && metadata.error instanceof Error) {
    return `${metadata.error.name}: ${metadata.error.message}`;
  }
  return undefined;
}

export function getAuthOptions(): AuthOptions {
  cached ??= build();
  return cached;
}

export function isSsoConfigured(): boolean {
  return Boolean(oidcProvider(getConfig()));
}

export function ssoButtonLabel(): string {
  return getConfig().OIDC_NAME;
}
