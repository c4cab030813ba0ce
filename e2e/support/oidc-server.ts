/**
 * A real OpenID Connect provider (the `oidc-provider` package) for the SSO browser test: discovery, login and
 * consent pages (its development interactions: any login, any password), signed ID tokens, userinfo.
 * The login typed on its form becomes the subject; an email-looking login is also the email.
 *
 * The app learns about it only through environment variables (oidcAppEnv), set when the stack starts; the
 * spec starts the provider on the port the stack reserved (E2E_OIDC_PORT) before signing in.
 */
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

export const OIDC_E2E = {
  clientId: 'switchboard-e2e',
  clientSecret: 'e2e-oidc-client-secret-not-for-production',
  allowedDomain: 'sso-e2e.test',
  buttonName: 'E2E SSO',
} as const;

export function oidcIssuer(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** What the app needs to offer single sign-on through the test provider. */
export function oidcAppEnv(port: number): Record<string, string> {
  return {
    OIDC_ISSUER: oidcIssuer(port),
    OIDC_CLIENT_ID: OIDC_E2E.clientId,
    OIDC_CLIENT_SECRET: OIDC_E2E.clientSecret,
    OIDC_ALLOWED_DOMAINS: OIDC_E2E.allowedDomain,
    OIDC_DEFAULT_ROLE: 'viewer',
    OIDC_NAME: OIDC_E2E.buttonName,
  };
}

export interface RunningOidcServer {
  issuer: string;
  close(): Promise<void>;
}

export async function startOidcServer(options: { port: number; appUrl: string }): Promise<RunningOidcServer> {
  const issuer = oidcIssuer(options.port);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_E2E.clientId,
        client_secret: OIDC_E2E.clientSecret,
        redirect_uris: [`${options.appUrl}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          const email = sub.includes('@') ? sub : `${sub}@${OIDC_E2E.allowedDomain}`;
          return { sub, email, email_verified: true, name: `SSO ${sub.split('@')[0]}` };
        },
      };
    },
    cookies: { keys: ['e2e-oidc-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
  });
  const server = createServer(provider.app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
