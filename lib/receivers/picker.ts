/**
 * For the override forms: pick a managed receiver instead of typing a URL and verify token. The browser only
 * ever sees ids, names and URLs; the verify token is decrypted here, on the server, when the override is set.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { receivers } from '@/lib/db/schema';
import type { OverrideReceiver } from '@/lib/routing/requested';
import type { OverrideTargetInput } from '@/lib/routing/validation';
import type { ReceiversContext } from './context';
import { isReceiverId, receiverUrl } from './context';
import { getReceiverKeys } from './receiver-keys';

export interface ReceiverChoice {
  id: string;
  name: string;
  url: string;
}

/**
 * Every receiver, for anyone who may set overrides: receivers are shared by the team (they have no owner), and
 * choosing one reveals nothing but its name and public URL.
 */
export async function listReceiverChoices(ctx: ReceiversContext): Promise<ReceiverChoice[]> {
  const rows = await ctx.db
    .select({ id: receivers.id, name: receivers.name })
    .from(receivers)
    .orderBy(receivers.name);
  return rows.map((r) => ({ ...r, url: receiverUrl(ctx.baseUrl, r.id) }));
}

export interface ReceiverTarget {
  overrideCallbackUri: string;
  verifyToken: string;
  receiver: OverrideReceiver;
}

/** The override to send to Graph for a receiver, or null when it no longer exists. */
export async function resolveReceiverTarget(
  ctx: ReceiversContext,
  receiverId: string,
): Promise<ReceiverTarget | null> {
  if (!isReceiverId(receiverId)) return null;
  const [row] = await ctx.db
    .select({ id: receivers.id, name: receivers.name })
    .from(receivers)
    .where(eq(receivers.id, receiverId))
    .limit(1);
  if (!row) return null;
  const keys = await getReceiverKeys(ctx.db, ctx.keyring, row.id);
  if (!keys) return null;
  return {
    overrideCallbackUri: receiverUrl(ctx.baseUrl, row.id),
    verifyToken: keys.verifyToken,
    receiver: row,
  };
}

export type ResolvedOverrideTarget =
  | { ok: true; overrideCallbackUri: string; verifyToken: string; receiver: OverrideReceiver | null }
  | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * What a *set override* form asked for, as the URL and verify token to send: a typed pair as is, a receiver
 * looked up and decrypted. An unknown or deleted receiver is a field error, so nothing reaches Graph.
 */
export async function resolveOverrideTarget(
  ctx: ReceiversContext,
  input: OverrideTargetInput,
): Promise<ResolvedOverrideTarget> {
  if (input.target === 'custom') {
    return {
      ok: true,
      overrideCallbackUri: input.overrideCallbackUri,
      verifyToken: input.verifyToken,
      receiver: null,
    };
  }
  const target = await resolveReceiverTarget(ctx, input.receiverId);
  if (!target) {
    return {
      ok: false,
      fieldErrors: {
        receiverId: ['This receiver no longer exists (it may have been deleted). Choose another one.'],
      },
    };
  }
  return { ok: true, ...target };
}
