/**
 * Where to send someone after sign-in. Only a path on this origin: an open redirect through `callbackUrl`
 * would lend our domain to phishing. The value is parsed as the browser would parse it (WHATWG URL, which
 * drops tabs and newlines and reads `\` as `/`), against a placeholder origin; anything that lands on another
 * origin becomes `/`. The result is the parsed, percent-encoded form, so it is safe in a Location header
 * (a raw newline or non-ASCII character there would throw ERR_INVALID_CHAR).
 */
const PLACEHOLDER_ORIGIN = 'http://switchboard.invalid';

export function safeCallbackPath(value: string | null | undefined): string {
  if (!value?.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Belt and braces: a path that a second parse could read as protocol-relative is never handed back.
  return path.startsWith('//') || path.startsWith('/\\') ? '/' : path;
}

/** The same rule for next-auth's absolute or relative URLs: a same-origin URL keeps its path, others go home. */
export function safeCallbackFromUrl(value: string, ownOrigin: string): string {
  if (value.startsWith('/')) return safeCallbackPath(value);
  if (!URL.canParse(value)) return '/';
  const url = new URL(value);
  return url.origin === ownOrigin ? safeCallbackPath(`${url.pathname}${url.search}${url.hash}`) : '/';
}
