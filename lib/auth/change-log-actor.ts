import 'server-only';
import type { Actor } from '@/lib/db/change-log';
import type { SessionUser } from './session';

/** The signed-in user as the change log names them. */
export function changeLogActor(user: SessionUser): Actor {
  return { id: user.id, email: user.email };
}
