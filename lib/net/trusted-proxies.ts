/**
 * Which address a request came from, for the per-IP sign-in limit. `X-Forwarded-For` is whatever the client
 * wrote unless a proxy we trust appended to it, so it is read only when the socket peer is one of the
 * configured TRUSTED_PROXIES (CIDR list). Then the chain is walked from the right past every trusted hop; the
 * first address that is not a trusted proxy is the client. With no trusted proxies, the socket address is it.
 * The same list decides whether a TLS terminator's client-certificate header is believed (lib/receivers/client-cert.ts).
 */
import ipaddr from 'ipaddr.js';

export type TrustedProxies = readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];

/** Parses `10.0.0.0/8, 192.0.2.7, ::1` (a bare address is a /32 or /128). Throws, naming the entry, on anything else. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        if (entry.includes('/')) return ipaddr.parseCIDR(entry);
        const address = ipaddr.parse(entry);
        return [address, address.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
      } catch {
        throw new Error(`"${entry.slice(0, 60)}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)`);
      }
    })
    .map(([address, bits]) => unmapped(address, bits));
}

export function isValidTrustedProxies(value: string | undefined): boolean {
  try {
    parseTrustedProxies(value);
    return true;
  } catch {
    return false;
  }
}

function unmapped(address: ipaddr.IPv4 | ipaddr.IPv6, bits: number): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [address, bits];
}

/** `::ffff:127.0.0.1` → `127.0.0.1`; null for anything that is not an IP address. */
function normalize(address: string | undefined | null): string | null {
  const bare = address?.trim().replace(/^\[(.*)\]$/, '$1');
  if (!bare || !ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  }
  return parsed.toString();
}

/** Whether the socket peer is one of the trusted proxies (false for anything that is not an IP address). */
export function isTrustedProxy(trusted: TrustedProxies, peer: string | null | undefined): boolean {
  const address = normalize(peer);
  return address !== null && isTrusted(address, trusted);
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  const parsed = ipaddr.parse(address);
  return trusted.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string | null {
  const peer = normalize(socketAddress);
  if (!peer || !isTrusted(peer, trusted)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',');
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalize(hops[i]);
    // A garbled entry was written by someone we do not trust: stop at the last trusted hop's word.
    if (!hop) break;
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return client;
}
