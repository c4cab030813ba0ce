/**
 * The caller's address for per-IP rate limits. Next.js fills `x-forwarded-for` with the socket address when a
 * request arrives without one; behind a reverse proxy the proxy appends the address it saw, so the last entry
 * is the one a client cannot choose. (A client talking to Next.js directly can still set the header itself;
 * the per-email limit holds regardless.)
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
