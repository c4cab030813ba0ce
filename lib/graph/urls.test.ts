import { describe, expect, it } from 'vitest';
import { acceptNextUrl, buildGraphUrl, graphPathOf, versionRoot } from './urls';

const base = { baseUrl: 'https://graph.facebook.com', version: 'v23.0' };

describe('Graph URLs', () => {
  it('builds versioned URLs with query parameters, skipping undefined', () => {
    const url = buildGraphUrl(base, '/123/phone_numbers', { fields: 'id,name', limit: 2, after: undefined });
    expect(url.href).toBe('https://graph.facebook.com/v23.0/123/phone_numbers?fields=id%2Cname&limit=2');
    expect(graphPathOf(base, url)).toBe('/123/phone_numbers');
    expect(buildGraphUrl(base, '/').href).toBe('https://graph.facebook.com/v23.0/');
  });

  it('keeps a base path prefix and tolerates trailing slashes', () => {
    const prefixed = { baseUrl: 'http://127.0.0.1:4010/graph/', version: 'v21.0' };
    expect(versionRoot(prefixed).href).toBe('http://127.0.0.1:4010/graph/v21.0/');
    expect(buildGraphUrl(prefixed, '42').href).toBe('http://127.0.0.1:4010/graph/v21.0/42');
  });

  it('accepts next URLs on the same origin and version, dropping the access_token', () => {
    const next = acceptNextUrl(
      base,
      'https://graph.facebook.com/v23.0/1/phone_numbers?access_token=EAAsecret&after=QVFI',
    );
    expect(next?.href).toBe('https://graph.facebook.com/v23.0/1/phone_numbers?after=QVFI');
  });

  it.each([
    'https://evil.example.com/v23.0/1/phone_numbers?after=x',
    'http://graph.facebook.com/v23.0/1/phone_numbers',
    'https://graph.facebook.com:8443/v23.0/1',
    'https://graph.facebook.com/v22.0/1/phone_numbers',
    'https://user:pw@graph.facebook.com/v23.0/1',
    'not a url',
  ])('refuses %s', (next) => {
    expect(acceptNextUrl(base, next)).toBeNull();
  });
});
