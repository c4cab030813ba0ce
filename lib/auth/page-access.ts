/**
 * Console pages a role may not open, and the words their 403 page says. A page calls `requirePageAccess`,
 * which throws Next's `forbidden()` so the response carries a real 403 status; app/(console)/forbidden.tsx
 * cannot receive props, so it finds the same entry again from the visited path.
 */
import 'server-only';
import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import { can, PERMISSIONS, type Permission } from '@/lib/auth/permissions';
import { REQUEST_URL_HEADER } from '@/lib/auth/request-url';
import { requireUser, type SessionUser } from '@/lib/auth/session';

export type PageAccess = { path: string; what: string; permission: Permission };

/**
 * No entry's path is a prefix of another's. /receivers and /on-premises still render their refusal inline
 * (status 200): with forbidden() Next 16 sends the refusal only in the flight data, not the HTML, which the
 * authorization matrix's HTML check (and a client without JavaScript) would not see.
 */
export const PAGE_ACCESS: readonly PageAccess[] = [
  { path: '/users', what: 'Managing users', permission: 'users.manage' },
  { path: '/settings', what: 'Settings', permission: 'settings.manage' },
];

/** The least role that holds the permission: the table lists roles from least to most. */
export function neededRole(permission: Permission): string {
  return PERMISSIONS[permission][0];
}

export function pageAccessFor(pathname: string): PageAccess | undefined {
  const path = pathname.split('?')[0] ?? pathname;
  return PAGE_ACCESS.find((entry) => path === entry.path || path.startsWith(`${entry.path}/`));
}

/** For pages: the signed-in user when their role may open `path`, otherwise a 403 with the forbidden page. */
export async function requirePageAccess(path: string): Promise<SessionUser> {
  const user = await requireUser();
  const entry = pageAccessFor(path);
  if (!entry) throw new Error(`No page access entry for ${path}`);
  if (!can(user.role, entry.permission)) forbidden();
  return user;
}

/** For the forbidden page: which entry the visited path belongs to (from the header proxy.ts sets). */
export async function visitedPageAccess(): Promise<PageAccess | undefined> {
  const visited = (await headers()).get(REQUEST_URL_HEADER);
  return visited ? pageAccessFor(visited) : undefined;
}
