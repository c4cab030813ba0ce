/**
 * Security headers for every response. Pure and free of `server-only` because proxy.ts imports it.
 *
 * Scripts: only the app's own, through a per-request nonce that Next.js stamps on the scripts it renders
 * ('strict-dynamic' lets those load their chunks); an injected inline script has no nonce and does not run.
 * Styles allow inline: React server-renders `style` attributes (Radix positioning, visually-hidden text),
 * which a nonce cannot cover, and CSS cannot execute script.
 */
export interface CspOptions {
  nonce: string;
  /** `next dev` needs eval for React's debugging aids; production never does. */
  dev: boolean;
  /** Over HTTPS, upgrade any stray http:// subresource instead of loading it in clear. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Two years, subdomains included: the browser then never tries the console over plain HTTP again. */
const HSTS = 'max-age=63072000; includeSubDomains';

/** Strict-Transport-Security only when the public URL is https (sending it over http would be ignored). */
export function strictTransportSecurity(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith('https://') ? HSTS : null;
}

/**
 * The request-independent headers next.config.mjs sets for everything Next serves, for answers that do not
 * go through Next (the webhook fast path in lib/serve). Plain-text answers need no script or style at all.
 */
export function plainResponseHeaders(publicUrl: string | undefined): Record<string, string> {
  const hsts = strictTransportSecurity(publicUrl);
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    ...(hsts ? { 'strict-transport-security': hsts } : {}),
  };
}
