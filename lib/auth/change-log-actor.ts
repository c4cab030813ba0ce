import 'server-only';
import type { ChangeActor } from '@/lib/db/change-log';
import type { SessionUser } from './session';

/** The signed-in user as the change log names them. */
export function changeLogActor(user: SessionUser): ChangeActor {
  return { id: user.id, email: user.email };
}
