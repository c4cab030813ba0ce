/**
 * The caller's address for per-IP rate limits. The production server (lib/serve/main.ts) replaces
 * `x-forwarded-for` with the one address it can vouch for — the socket peer, or the client a TRUSTED_PROXIES
 * hop reports (lib/net/trusted-proxies.ts) — so a client cannot choose it. Under `next dev`/`next start` the
 * header is Next's (socket address unless the client sent one); the per-email limit holds regardless.
 */
import 'server-only';

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function clientIp(headers: HeaderBag): string | null {
  const forwarded = header(headers, 'x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  const ip = last ?? header(headers, 'x-real-ip')?.trim();
  // Bound what goes into the key column; real addresses are at most 45 characters.
  return ip ? ip.slice(0, 64) : null;
}
