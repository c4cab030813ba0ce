import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  createNonce,
  plainResponseHeaders,
  strictTransportSecurity,
} from './security-headers';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d]));

describe('Content-Security-Policy', () => {
  it('allows scripts only through the nonce in production, and never inline or eval', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'abc123==', dev: false, https: false }));
    expect(csp.get('script-src')).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(csp.get('object-src')).toBe("object-src 'none'");
    expect(csp.get('base-uri')).toBe("base-uri 'self'");
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it("adds 'unsafe-eval' only in development and upgrades requests only over HTTPS", () => {
    expect(contentSecurityPolicy({ nonce: 'n', dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n', dev: false, https: true })).toMatch(
      /upgrade-insecure-requests$/,
    );
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('Strict-Transport-Security and the headers of answers outside Next', () => {
  it('sends HSTS only when the public URL is https', () => {
    expect(strictTransportSecurity('https://switchboard.example.com')).toMatch(
      /^max-age=\d{8}; includeSubDomains$/,
    );
    expect(strictTransportSecurity('http://127.0.0.1:3000')).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });

  it('gives plain answers nosniff, no framing and no script, plus HSTS over https', () => {
    const plain = plainResponseHeaders('http://127.0.0.1:3000');
    expect(plain).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(plainResponseHeaders('https://s.example')['strict-transport-security']).toBeTruthy();
  });
});
