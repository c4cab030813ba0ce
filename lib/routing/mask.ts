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
  if (secret.length < MIN_PARTIAL_LENGTH) return BULLET.repeat(6);
  const hidden = Math.min(secret.length - 4, MAX_BULLETS);
  return `${secret.slice(0, 2)}${BULLET.repeat(hidden)}${secret.slice(-2)}`;
}
