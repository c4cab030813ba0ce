import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import type { Actor } from '@/lib/routing';

/** The change log records who acted by id and email, nothing else from the session. */
export function actorOf(user: SessionUser): Actor {
  return { id: user.id, email: user.email };
}
