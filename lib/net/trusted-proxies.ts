/**
 * TRUSTED_PROXIES: the addresses (CIDR ranges or single addresses) whose forwarded headers Switchboard believes,
 * e.g. the TLS terminator that verifies Meta's client certificate and passes its subject on in a header.
 * IPv4-mapped IPv6 peers (`::ffff:10.0.0.1`, how a dual-stack socket reports IPv4) match IPv4 ranges.
 */
import ipaddr from 'ipaddr.js';

export type TrustedProxies = readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];

export type ParsedProxies = { ok: true; value: TrustedProxies } | { ok: false; error: string };

export function parseTrustedProxies(list: string): ParsedProxies {
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const item of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    try {
      if (item.includes('/')) {
        ranges.push(ipaddr.parseCIDR(item));
      } else {
        const address = ipaddr.parse(item);
        ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      }
    } catch {
      return {
        ok: false,
        error: `"${item.slice(0, 60)}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)`,
      };
    }
  }
  return { ok: true, value: ranges };
}

export function isTrustedProxy(proxies: TrustedProxies, peer: string | null | undefined): boolean {
  if (!peer || proxies.length === 0 || !ipaddr.isValid(peer)) return false;
  const parsed = ipaddr.process(peer);
  return proxies.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}
