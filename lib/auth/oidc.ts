/**
 * The next-auth provider for any OpenID Connect issuer, built from OIDC_* settings. The ID token is verified
 * (signature, audience, nonce, PKCE), and the userinfo endpoint fills in what the token leaves out: many
 * providers put `email` only there when the code flow is used.
 */
import 'server-only';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { Config } from '@/lib/config';
import type { SsoSettings } from './sso';

export const OIDC_PROVIDER_ID = 'oidc';

export interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

export function ssoSettings(config: Config): (SsoSettings & { name: string }) | null {
  if (!config.OIDC_ISSUER) return null;
  return {
    issuer: config.OIDC_ISSUER,
    allowedDomains: config.OIDC_ALLOWED_DOMAINS,
    defaultRole: config.OIDC_DEFAULT_ROLE,
    name: config.OIDC_NAME,
  };
}

export function oidcProvider(config: Config): OAuthConfig<OidcProfile> | null {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return null;
  const issuer = config.OIDC_ISSUER.replace(/\/+$/, '');
  return {
    id: OIDC_PROVIDER_ID,
    name: config.OIDC_NAME,
    type: 'oauth',
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    userinfo: {
      async request({ tokens, client }) {
        // With `idToken: true`, next-auth hands over openid-client's TokenSet, already verified.
        const idClaims = (tokens as typeof tokens & { claims(): { sub: string } }).claims();
        if (!tokens.access_token) return idClaims;
        const info = await client.userinfo(tokens.access_token);
        if (info.sub !== idClaims.sub) throw new Error('userinfo answered for a different subject');
        return { ...info, ...idClaims };
      },
    },
    profile(profile) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
    },
  };
}
