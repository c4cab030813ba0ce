/**
 * Secret redaction applied to every string the Graph client builds from outside input (error messages,
 * causes, paths), so that an access token, app secret or verify token can never leak through an error,
 * a log line or a stack trace — even if Graph or a proxy echoes one back.
 */

export const REDACTED = '[redacted]';

/** Shorter strings are too likely to collide with ordinary text to be replaced blindly. */
const MIN_SECRET_LENGTH = 4;

/** `access_token=…` in any URL or form body, whatever the token is. */
const TOKEN_PARAM =
  /\b(access_token|input_token|verify_token|hub\.verify_token|client_secret|appsecret_proof)=([^&\s"']+)/gi;

/** `Bearer …` as it would appear in a dumped header. */
const BEARER = /\bBearer\s+[^\s"',]+/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms a secret can take in text: raw, URL-encoded, and form-encoded (`+` for spaces). */
function variantsOf(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [...new Set([secret, encoded, encoded.replace(/%20/g, '+')])];
}

/** Replaces every occurrence of each secret (and of token-looking parameters) with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = text;
  const usable = secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH)
    .flatMap(variantsOf)
    // Longest first so that a secret containing another is removed whole.
    .sort((a, b) => b.length - a.length);
  for (const secret of usable) {
    out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  }
  return out.replace(TOKEN_PARAM, `$1=${REDACTED}`).replace(BEARER, `Bearer ${REDACTED}`);
}

/**
 * The secrets hidden inside a token: the token itself and, for an app access token (`APP_ID|APP_SECRET`),
 * the app secret on its own.
 */
export function secretsOfToken(token: string | null | undefined): string[] {
  if (!token) return [];
  const bar = token.indexOf('|');
  return bar > 0 ? [token, token.slice(bar + 1)] : [token];
}
