import type { Metadata } from 'next';
import { Forbidden } from '@/components/auth/forbidden';
import { neededRole, visitedPageAccess } from '@/lib/auth/page-access';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Not allowed' };

/**
 * A console page the signed-in role may not open (`forbidden()` from lib/auth/page-access.ts): HTTP 403,
 * inside the console's header, saying what the page needs and who the visitor is signed in as.
 */
export default async function ConsoleForbidden() {
  const user = await requireUser();
  const entry = await visitedPageAccess();
  return (
    <Forbidden
      what={entry?.what ?? 'This page'}
      role={user.role}
      needed={entry ? neededRole(entry.permission) : 'another'}
    />
  );
}
