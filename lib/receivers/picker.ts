/**
 * For the override forms: pick a managed receiver instead of typing a URL and verify token. The browser only
 * ever sees ids, names and URLs; the verify token is decrypted here, on the server, when the override is set.
 */
import 'server-only';
import { receivers } from '@/lib/db/schema';
import type { ReceiversContext } from './context';
import { isReceiverId, receiverUrl } from './context';
import { getReceiverKeys } from './receiver-keys';

export interface ReceiverChoice {
  id: string;
  name: string;
  url: string;
}

export async function listReceiverChoices(ctx: ReceiversContext): Promise<ReceiverChoice[]> {
  const rows = await ctx.db
    .select({ id: receivers.id, name: receivers.name })
    .from(receivers)
    .orderBy(receivers.name);
  return rows.map((r) => ({ ...r, url: receiverUrl(ctx.baseUrl, r.id) }));
}

/** The override to send to Graph for a receiver, or null when it no longer exists. */
export async function resolveReceiverTarget(
  ctx: ReceiversContext,
  receiverId: string,
): Promise<{ overrideCallbackUri: string; verifyToken: string } | null> {
  if (!isReceiverId(receiverId)) return null;
  const keys = await getReceiverKeys(ctx.db, ctx.keyring, receiverId);
  return keys && { overrideCallbackUri: receiverUrl(ctx.baseUrl, receiverId), verifyToken: keys.verifyToken };
}
