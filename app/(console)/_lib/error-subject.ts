/**
 * What "Could not load …" names on the console's error page, from the address. One error boundary for the
 * whole console (app/(console)/error.tsx) instead of one per section: every error.tsx is part of its pages'
 * first load and each came with its own copy of the error page's code.
 */
export function errorSubject(pathname: string): string {
  if (pathname.startsWith('/numbers/')) return 'this number';
  if (pathname.startsWith('/wabas/')) return 'this WABA';
  if (pathname === '/wabas') return 'the WABAs';
  return 'this page';
}
