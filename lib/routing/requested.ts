/** What the change log keeps of a requested verify token: masked, or, for a managed receiver, only its name. */
import 'server-only';
import { maskSecret } from './mask';

/** A managed receiver an override points at, by id and name (lib/receivers resolves it). */
export interface OverrideReceiver {
  id: string;
  name: string;
}

export function requestedToken(input: {
  verifyToken: string;
  receiver?: OverrideReceiver | null;
}): { receiver: OverrideReceiver } | { verifyToken: string | null } {
  // A receiver's token was never typed by anyone: not even its masked ends belong in the log.
  if (input.receiver) return { receiver: { id: input.receiver.id, name: input.receiver.name } };
  return { verifyToken: maskSecret(input.verifyToken) };
}
