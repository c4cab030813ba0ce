import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { OIDC_PROVIDER_ID, oidcProvider, ssoSettings } from './oidc';

const base = { GRAPH_ACCESS_TOKEN: 't', META_APP_ID: '1', META_BUSINESS_IDS: '2' };

describe('single sign-on settings', () => {
  it('is off without OIDC_ISSUER', () => {
    const config = parseConfig(base);
    expect(ssoSettings(config)).toBeNull();
    expect(oidcProvider(config)).toBeNull();
  });

  it('builds a verified-ID-token provider from the OIDC_* variables', () => {
    const config = parseConfig({
      ...base,
      OIDC_ISSUER: 'https://login.example.com/realm/',
      OIDC_CLIENT_ID: 'switchboard',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_ALLOWED_DOMAINS: ' Example.com, @ops.example.com ,',
      OIDC_DEFAULT_ROLE: 'operator',
      OIDC_NAME: 'Example SSO',
    });
    expect(ssoSettings(config)).toEqual({
      issuer: 'https://login.example.com/realm/',
      allowedDomains: ['example.com', 'ops.example.com'],
      defaultRole: 'operator',
      name: 'Example SSO',
    });
    expect(oidcProvider(config)).toMatchObject({
      id: OIDC_PROVIDER_ID,
      name: 'Example SSO',
      type: 'oauth',
      wellKnown: 'https://login.example.com/realm/.well-known/openid-configuration',
      idToken: true,
      checks: ['pkce', 'state', 'nonce'],
    });
  });

  it('defaults to viewers from any domain, and requires the client credentials', () => {
    const config = parseConfig({
      ...base,
      OIDC_ISSUER: 'https://idp.example',
      OIDC_CLIENT_ID: 'a',
      OIDC_CLIENT_SECRET: 'b',
    });
    expect(ssoSettings(config)).toMatchObject({
      allowedDomains: [],
      defaultRole: 'viewer',
      name: 'Single sign-on',
    });
    expect(() => parseConfig({ ...base, OIDC_ISSUER: 'https://idp.example' })).toThrow(
      /OIDC_CLIENT_ID is required when OIDC_ISSUER is set[\s\S]*OIDC_CLIENT_SECRET is required/,
    );
    expect(() =>
      parseConfig({
        ...base,
        OIDC_ISSUER: 'https://idp.example',
        OIDC_CLIENT_ID: 'a',
        OIDC_CLIENT_SECRET: 'b',
        OIDC_DEFAULT_ROLE: 'root',
      }),
    ).toThrow(/OIDC_DEFAULT_ROLE/);
  });
});
