/**
 * Runs before every page and route handler:
 *  - sets the Content-Security-Policy with a fresh nonce (Next.js reads it from the request header and stamps
 *    its own scripts);
 *  - sends signed-out visitors of console pages to /sign-in?callbackUrl=….
 *
 * The sign-in check is optimistic — a session cookie is present — and only saves a round trip. Every page,
 * server action and route handler checks the session and role itself (lib/auth/session.ts); API routes
 * answer 401 JSON on their own and are never redirected here.
 */
import { type NextRequest, NextResponse } from 'next/server';
import { REQUEST_URL_HEADER } from '@/lib/auth/request-url';
import { isMalformedIdPath } from '@/lib/auth/route-ids';
import { contentSecurityPolicy, createNonce, strictTransportSecurity } from '@/lib/auth/security-headers';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
/** Pages anyone may see. */
const PUBLIC_PAGES = ['/sign-in'];

function hasSessionCookie(request: NextRequest): boolean {
  // Large tokens are split into `<name>.0`, `<name>.1`…
  return request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((c) => name === c || name.startsWith(`${c}.`)));
}

function needsSignIn(pathname: string): boolean {
  if (pathname.startsWith('/api/') || pathname === '/api') return false;
  if (PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return false;
  // Files from public/ (favicon.ico, robots.txt, …).
  return !/\/[^/]+\.[a-z0-9]+$/i.test(pathname);
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = createNonce();
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === 'development',
    https: request.nextUrl.protocol === 'https:',
  });

  let response: NextResponse;
  // A server action posts to the page's URL; redirecting it would hand the client HTML instead of the
  // action's own answer (a 401 result from lib/auth/safe-action.ts), so actions pass through.
  const isServerAction = request.headers.has('next-action');
  if (needsSignIn(pathname) && !isServerAction && !hasSessionCookie(request)) {
    const signIn = new URL('/sign-in', request.url);
    if (pathname !== '/' || search) signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  } else if (isMalformedIdPath(pathname)) {
    // No route has this name: Next renders app/not-found.tsx with a real 404 instead of the page failing.
    response = NextResponse.rewrite(new URL('/_switchboard/not-found', request.url));
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
    requestHeaders.set(REQUEST_URL_HEADER, `${pathname}${search}`);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  // The request-independent headers (nosniff, Referrer-Policy, …) come from next.config.mjs for every path.
  response.headers.set('Content-Security-Policy', csp);
  const hsts = strictTransportSecurity(process.env.NEXTAUTH_URL);
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

export const config = {
  // Webhook receivers (/api/hooks/*) skip the proxy: it would copy every POST body (up to 10 MB) before the
  // route's own 3 MB limit applies, and halve receiver throughput. They need no session.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/hooks/).*)'],
};
