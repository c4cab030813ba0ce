/**
 * `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the raw body bytes keyed with the app secret
 * (docs/graph-facts.md §7). Compared in constant time; the body is never re-serialised.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

export function signBody(body: Uint8Array | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface CandidateSecret<L extends string = string> {
  label: L;
  secret: string;
}

/**
 * The label of the first secret whose signature matches, or null. Every candidate is checked (no early
 * exit) so the time taken does not tell which secret, if any, matched.
 */
export function matchSignature<L extends string>(
  header: string | null | undefined,
  body: Uint8Array,
  secrets: readonly CandidateSecret<L>[],
): L | null {
  if (!header) return null;
  const given = Buffer.from(header.trim().toLowerCase(), 'utf8');
  let matched: L | null = null;
  for (const { label, secret } of secrets) {
    const expected = Buffer.from(signBody(body, secret), 'utf8');
    // Lengths are public (sha256= + 64 hex digits); only equal-length buffers can be compared.
    const equal = given.length === expected.length && timingSafeEqual(given, expected);
    if (equal && matched === null) matched = label;
  }
  return matched;
}
