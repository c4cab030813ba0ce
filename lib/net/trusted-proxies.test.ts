import { describe, expect, it } from 'vitest';
import { clientAddress, isValidTrustedProxies, parseTrustedProxies } from './trusted-proxies';

describe('clientAddress', () => {
  const none = parseTrustedProxies('');
  const lb = parseTrustedProxies('10.0.0.0/8, 192.0.2.7');

  it('without trusted proxies, is the socket address whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.9', '203.0.113.1', none)).toBe('198.51.100.9');
    expect(clientAddress('::ffff:127.0.0.1', ['1.1.1.1', '2.2.2.2'], none)).toBe('127.0.0.1');
  });

  it('from an untrusted peer, ignores the header even with proxies configured', () => {
    expect(clientAddress('198.51.100.9', '203.0.113.1', lb)).toBe('198.51.100.9');
  });

  it('from a trusted proxy, is the rightmost address that is not a trusted proxy', () => {
    expect(clientAddress('10.1.2.3', '203.0.113.1', lb)).toBe('203.0.113.1');
    // The client wrote 6.6.6.6 itself; the load balancer appended what it saw, then an inner proxy hop.
    expect(clientAddress('10.1.2.3', '6.6.6.6, 203.0.113.1, 192.0.2.7', lb)).toBe('203.0.113.1');
    expect(clientAddress('::ffff:10.1.2.3', '203.0.113.1', lb)).toBe('203.0.113.1');
  });

  it('from a trusted proxy with no usable header, is the proxy itself', () => {
    expect(clientAddress('10.1.2.3', undefined, lb)).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', 'not-an-ip', lb)).toBe('10.1.2.3');
  });

  it('accepts CIDR lists and bare addresses, and refuses anything else', () => {
    expect(isValidTrustedProxies('10.0.0.0/8,::1, 2001:db8::/32')).toBe(true);
    expect(isValidTrustedProxies('')).toBe(true);
    expect(isValidTrustedProxies('10.0.0.0/33')).toBe(false);
    expect(isValidTrustedProxies('proxy.example')).toBe(false);
  });
});
