/**
 * next-auth's endpoints (/api/auth/*), with two additions: a rate-limited credentials sign-in answers
 * 429 with `Retry-After`, and the client log endpoint (`_log`) is closed — nothing here should let a browser
 * write lines into the server log.
 */

import type { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { SIGN_IN_ERROR } from '@/lib/auth/credentials';
import { getAuthOptions } from '@/lib/auth/options';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ nextauth: string[] }> };

/** `{ url: ".../error?error=RateLimited:123" }` from a JSON sign-in → the seconds, else null. */
async function retryAfterSeconds(response: Response): Promise<number | null> {
  if (response.status !== 401 || !response.headers.get('content-type')?.includes('json')) return null;
  try {
    const { url } = (await response.clone().json()) as { url?: string };
    const error = url ? new URL(url, 'http://x').searchParams.get('error') : null;
    const match = error?.match(new RegExp(`^${SIGN_IN_ERROR.rateLimited}:(\\d+)$`));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function handle(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth[0] === '_log') return new Response(null, { status: 404 });
  const handler = NextAuth(getAuthOptions()) as (req: NextRequest, ctx: Context) => Promise<Response>;
  const response = await handler(request, context);
  const retryAfter = await retryAfterSeconds(response);
  if (retryAfter === null) return response;
  const headers = new Headers(response.headers);
  headers.set('retry-after', String(retryAfter));
  return new Response(response.body, { status: 429, headers });
}

export { handle as GET, handle as POST };
