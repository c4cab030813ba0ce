/**
 * Who is asking. The next-auth JWT only says which user id signed in; role and disabled state are re-read
 * from the database on every call, so disabling someone or lowering their role takes effect on their next
 * request rather than when their token expires.
 */
import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { safeCallbackPath } from '@/lib/auth/callback-path';
import { getAuthOptions } from '@/lib/auth/options';
import { can, type Permission } from '@/lib/auth/permissions';
import { REQUEST_URL_HEADER } from '@/lib/auth/request-url';
import type { Role } from '@/lib/db/schema';
import { findUserById } from '@/lib/db/users';

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

async function sessionToken(): Promise<{ id: string; sv: number } | null> {
  try {
    const session = await getServerSession(getAuthOptions());
    return session?.user?.id ? { id: session.user.id, sv: session.user.sv ?? 0 } : null;
  } catch {
    // A token signed with another secret or otherwise unreadable is simply no session.
    return null;
  }
}

/**
 * Once per request: a page, its layout and the server components inside it all ask, and each ask would
 * otherwise be a JWT decode and a users SELECT. React's `cache` is scoped to one server render, so a
 * disabled user or a lowered role still takes effect on the next request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await sessionToken();
  if (!token) return null;
  const user = await findUserById(token.id);
  // A token from before the last sign-out or disable is over, even if it has not expired.
  if (!user || user.disabled || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

export { safeCallbackPath };

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const here = safeCallbackPath((await headers()).get(REQUEST_URL_HEADER));
  redirect(here === '/' ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(here)}`);
}

/**
 * For route handlers: the user when signed in and allowed, otherwise the JSON response to return
 * (401 signed out or disabled, 403 role not allowed).
 */
export async function requireRoutePermission(permission: Permission): Promise<SessionUser | Response> {
  const user = await getCurrentUser();
  if (!user) {
    return Response.json(
      { error: 'unauthenticated', message: 'Sign in to continue.' },
      { status: 401, headers: { 'cache-control': 'no-store' } },
    );
  }
  if (!can(user.role, permission)) {
    return Response.json(
      { error: 'forbidden', message: `Your role (${user.role}) cannot do this.` },
      { status: 403, headers: { 'cache-control': 'no-store' } },
    );
  }
  return user;
}
