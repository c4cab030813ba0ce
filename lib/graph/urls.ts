/**
 * Graph URLs: building `<base>/<version>/<path>?<query>` and accepting a `paging.next` URL only when it
 * points back at the configured Graph origin and version — the bearer token is attached to whatever URL we
 * request, so a `next` link to anywhere else is refused rather than followed.
 */

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface GraphBase {
  baseUrl: string;
  version: string;
}

/** `https://graph.facebook.com/v23.0/` — always with a trailing slash. */
export function versionRoot({ baseUrl, version }: GraphBase): URL {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${base.origin}${prefix}/${version}/`);
}

export function buildGraphUrl(base: GraphBase, path: string, query: Query = {}): URL {
  const url = new URL(path.replace(/^\/+/, ''), versionRoot(base));
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
  }
  return url;
}

/** The Graph path of a URL under the version root, e.g. `/123/phone_numbers` (no query). */
export function graphPathOf(base: GraphBase, url: URL): string {
  const root = versionRoot(base).pathname;
  return url.pathname.startsWith(root) ? `/${url.pathname.slice(root.length)}` : url.pathname;
}

/**
 * Validates a `paging.next` URL. Returns it without any `access_token` parameter (Graph puts the token in
 * `next` links; we send ours as a header instead), or null when it leaves our origin or version.
 */
export function acceptNextUrl(base: GraphBase, next: string): URL | null {
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return null;
  }
  const root = versionRoot(base);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null;
  if (url.username || url.password) return null;
  url.searchParams.delete('access_token');
  return url;
}
