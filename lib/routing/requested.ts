/** What the change log keeps of a requested override: the URL, and either the masked token or the receiver. */
import 'server-only';
import { maskSecret } from './mask';

/** A managed receiver an override points at, by id and name (lib/receivers resolves it). */
export interface OverrideReceiver {
  id: string;
  name: string;
}

export function requestedOverride(input: {
  overrideCallbackUri: string;
  verifyToken: string;
  receiver?: OverrideReceiver | null;
}): Record<string, unknown> {
  // A receiver's token was never typed by anyone: not even its masked ends belong in the log.
  if (input.receiver) {
    return {
      overrideCallbackUri: input.overrideCallbackUri,
      receiver: { id: input.receiver.id, name: input.receiver.name },
    };
  }
  return { overrideCallbackUri: input.overrideCallbackUri, verifyToken: maskSecret(input.verifyToken) };
}
