/**
 * Creating, rotating and deleting receivers. Secrets are encrypted before they reach the database and never
 * leave this module in clear except to the hook handlers; the change log gets the masked verify token only.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { type Actor, recordChange } from '@/lib/db/change-log';
import { receivers } from '@/lib/db/schema';
import { maskSecret } from '@/lib/routing/mask';
import { type ReceiversContext, receiverUrl } from './context';
import { invalidateReceiverKeys, loadReceiverKeys } from './receiver-keys';
import { encryptSecret } from './secret-box';

export interface CreateReceiverInput {
  name: string;
  verifyToken: string;
  appSecret: string;
  /** Refuse deliveries without a valid client certificate (mTLS); default false. */
  requireMtls?: boolean;
}

export async function createReceiver(
  ctx: ReceiversContext,
  input: CreateReceiverInput,
  actor: Actor,
): Promise<{ id: string; url: string }> {
  const [row] = await ctx.db
    .insert(receivers)
    .values({
      name: input.name,
      verifyTokenEnc: encryptSecret(ctx.keyring, input.verifyToken),
      appSecretEnc: encryptSecret(ctx.keyring, input.appSecret),
      createdBy: actor.email,
      requireMtls: input.requireMtls ?? false,
    })
    .returning({ id: receivers.id });
  if (!row) throw new Error('Insert returned no row');
  const url = receiverUrl(ctx.baseUrl, row.id);
  await recordChange(
    {
      actor,
      action: 'receiver.create',
      targetType: 'receiver',
      targetId: row.id,
      requested: {
        name: input.name,
        verifyToken: maskSecret(input.verifyToken),
        ...(input.requireMtls ? { requireMtls: true } : {}),
      },
      after: { name: input.name, url },
      outcome: 'success',
    },
    ctx.db,
  );
  return { id: row.id, url };
}

export interface RotateSecretInput {
  id: string;
  appSecret: string;
  /** Defaults to the configured RECEIVER_ROTATION_GRACE_HOURS. */
  graceHours?: number;
}

export type ManageOutcome<T> = { ok: true; data: T } | { ok: false; error: 'not_found' | 'same_secret' };

/** The new secret verifies at once; the one it replaces keeps verifying until the grace period ends. */
export async function rotateReceiverSecret(
  ctx: ReceiversContext,
  input: RotateSecretInput,
  actor: Actor,
  now = new Date(),
): Promise<ManageOutcome<{ previousValidUntil: Date }>> {
  const keys = await loadReceiverKeys(ctx.db, ctx.keyring, input.id);
  if (!keys) return { ok: false, error: 'not_found' };
  if (keys.appSecret === input.appSecret) return { ok: false, error: 'same_secret' };
  const graceHours = input.graceHours ?? ctx.rotationGraceHours;
  const previousValidUntil = new Date(now.getTime() + graceHours * 3_600_000);
  await ctx.db
    .update(receivers)
    .set({
      appSecretEnc: encryptSecret(ctx.keyring, input.appSecret),
      previousAppSecretEnc: encryptSecret(ctx.keyring, keys.appSecret),
      previousSecretValidUntil: previousValidUntil,
      secretRotatedAt: now,
    })
    .where(eq(receivers.id, input.id));
  invalidateReceiverKeys(input.id);
  await recordChange(
    {
      actor,
      action: 'receiver.rotate_secret',
      targetType: 'receiver',
      targetId: input.id,
      requested: { graceHours },
      after: { previousSecretValidUntil: previousValidUntil.toISOString() },
      outcome: 'success',
    },
    ctx.db,
  );
  return { ok: true, data: { previousValidUntil } };
}

/** Removes the receiver and everything it stored; its URL answers 404 from then on. */
export async function deleteReceiver(
  ctx: ReceiversContext,
  id: string,
  actor: Actor,
): Promise<ManageOutcome<{ name: string }>> {
  const [row] = await ctx.db
    .delete(receivers)
    .where(eq(receivers.id, id))
    .returning({ name: receivers.name });
  invalidateReceiverKeys(id);
  if (!row) return { ok: false, error: 'not_found' };
  await recordChange(
    {
      actor,
      action: 'receiver.delete',
      targetType: 'receiver',
      targetId: id,
      before: { name: row.name, url: receiverUrl(ctx.baseUrl, id) },
      outcome: 'success',
    },
    ctx.db,
  );
  return { ok: true, data: { name: row.name } };
}

/** Turns mTLS on or off for a receiver; applies to the next delivery (the key cache is cleared). */
export async function setReceiverRequireMtls(
  ctx: ReceiversContext,
  input: { id: string; requireMtls: boolean },
  actor: Actor,
): Promise<ManageOutcome<{ requireMtls: boolean }>> {
  const [before] = await ctx.db
    .select({ requireMtls: receivers.requireMtls })
    .from(receivers)
    .where(eq(receivers.id, input.id))
    .limit(1);
  if (!before) return { ok: false, error: 'not_found' };
  await ctx.db.update(receivers).set({ requireMtls: input.requireMtls }).where(eq(receivers.id, input.id));
  invalidateReceiverKeys(input.id);
  await recordChange(
    {
      actor,
      action: 'receiver.require_mtls',
      targetType: 'receiver',
      targetId: input.id,
      before: { requireMtls: before.requireMtls },
      requested: { requireMtls: input.requireMtls },
      after: { requireMtls: input.requireMtls },
      outcome: 'success',
    },
    ctx.db,
  );
  return { ok: true, data: { requireMtls: input.requireMtls } };
}
