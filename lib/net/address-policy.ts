/**
 * Which IP addresses a staff-typed URL may reach. An allowlist: only global unicast passes (plus loopback when
 * the deployment allows local receivers). Everything ipaddr.js knows as special — private, link-local, CGNAT,
 * unique-local, multicast, reserved, NAT64/6to4/Teredo wrappers — is refused, because each can lead back into
 * our own network.
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface AddressPolicy {
  allowLoopback: boolean;
}

export type AddressVerdict =
  | { allowed: true; address: string; family: 4 | 6; range: 'unicast' | 'loopback' }
  | { allowed: false; address: string; range: string };

// Deprecated IPv4-compatible IPv6 (::a.b.c.d): ipaddr.js calls it unicast, but some stacks route it to IPv4.
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');

export function classifyAddress(address: string, policy: AddressPolicy): AddressVerdict {
  const family = isIP(address.split('%')[0] ?? '');
  // Only canonical literals: resolvers and the WHATWG URL parser produce them; anything else is a trick.
  if (family === 4 && !ipaddr.IPv4.isValidFourPartDecimal(address)) {
    return { allowed: false, address, range: 'invalid' };
  }
  if (family === 0) return { allowed: false, address, range: 'invalid' };

  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  if (range === 'unicast' && parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).match(IPV4_COMPATIBLE)) {
    return { allowed: false, address, range: 'ipv4Compatible' };
  }
  if (range === 'unicast') return { allowed: true, address, family: family === 4 ? 4 : 6, range };
  if (range === 'loopback' && policy.allowLoopback) {
    return { allowed: true, address, family: family === 4 ? 4 : 6, range };
  }
  return { allowed: false, address, range };
}

/** The IP literal in a WHATWG-parsed hostname (`127.0.0.1`, `[::1]`), or null for a DNS name. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}
