/**
 * Masks verify tokens (and any other secret) before they are stored or shown: enough of the ends to recognise
 * a token you typed, never enough to reuse it. Short tokens are hidden entirely. No `server-only`: the override
 * form shows the masked current token too.
 */
const BULLET = '•';
/** Below this length, showing four characters would give away too much of the token. */
const MIN_PARTIAL_LENGTH = 9;
const MAX_BULLETS = 12;

export function maskSecret(secret: string | null | undefined): string | null {
  if (secret == null) return null;
  if (secret.length === 0) return '';
  // By code point: slicing UTF-16 units would cut an emoji in half, and PostgreSQL refuses the lone surrogate
  // left behind in the change log's JSON (a 500 on saving a token like "tok🔑en-123").
  const chars = Array.from(secret);
  if (chars.length < MIN_PARTIAL_LENGTH) return BULLET.repeat(6);
  const hidden = Math.min(chars.length - 4, MAX_BULLETS);
  return `${chars.slice(0, 2).join('')}${BULLET.repeat(hidden)}${chars.slice(-2).join('')}`;
}
