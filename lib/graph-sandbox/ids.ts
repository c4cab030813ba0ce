import { createHash, randomBytes } from 'node:crypto';

/** Deterministic hex derived from a label, so fixture secrets and tokens are the same on every start. */
export function stableHex(label: string, length: number): string {
  return createHash('sha256').update(`switchboard-sandbox:${label}`).digest('hex').slice(0, length);
}

/** A numeric Graph-style id: a fixed prefix followed by a zero-padded counter. */
export function numericId(prefix: string, n: number, width: number): string {
  return `${prefix}${String(n).padStart(width, '0')}`;
}

/** Graph's fbtrace_id is an opaque short string, different on every response. */
export function fbtraceId(): string {
  return randomBytes(8).toString('base64url');
}
