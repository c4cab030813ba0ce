/**
 * What the Users page does, as a service: create, change role, disable/enable. Every call writes one
 * change-log row (target type `user`), including refusals such as removing the last active admin.
 * Permission checks happen before this, in the server actions (`users.manage`).
 */
import 'server-only';
import { type Actor, recordChange } from '@/lib/db/change-log';
import type { Role } from '@/lib/db/schema';
import { createUser, type PublicUser, setUserDisabled, setUserRole, UserError } from '@/lib/db/users';
import { hashPassword } from './password';

/** The Users page lists through this service, not lib/db. */
export { listUsers, type PublicUser } from '@/lib/db/users';

export type ManageResult =
  | { ok: true; user: PublicUser }
  | { ok: false; error: string; field?: 'email' | 'password' | 'role' };

const summary = (u: PublicUser) => ({ email: u.email, name: u.name, role: u.role, disabled: u.disabled });

export async function createPasswordUser(
  actor: Actor,
  input: { email: string; name?: string | null; role: Role; password: string },
): Promise<ManageResult> {
  const requested = { email: input.email, name: input.name ?? null, role: input.role };
  try {
    const user = await createUser({ ...input, passwordHash: await hashPassword(input.password) });
    await recordChange({
      actor,
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      requested,
      after: summary(user),
      outcome: 'success',
    });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof UserError && error.code === 'email_taken') {
      return { ok: false, error: error.message, field: 'email' };
    }
    throw error;
  }
}

async function guarded(
  actor: Actor,
  userId: string,
  action: 'user.role_change' | 'user.disable' | 'user.enable',
  requested: Record<string, unknown>,
  apply: () => Promise<{ before: PublicUser; after: PublicUser }>,
): Promise<ManageResult> {
  try {
    const { before, after } = await apply();
    await recordChange({
      actor,
      action,
      targetType: 'user',
      targetId: userId,
      before: summary(before),
      requested,
      after: summary(after),
      outcome: 'success',
    });
    return { ok: true, user: after };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (error.code === 'last_admin') {
      await recordChange({
        actor,
        action,
        targetType: 'user',
        targetId: userId,
        requested,
        outcome: 'refused',
        message: error.message,
      });
    }
    return { ok: false, error: error.message };
  }
}

export function changeUserRole(actor: Actor, userId: string, role: Role): Promise<ManageResult> {
  return guarded(actor, userId, 'user.role_change', { role }, () => setUserRole(userId, role));
}

export function setUserDisabledState(actor: Actor, userId: string, disabled: boolean): Promise<ManageResult> {
  return guarded(actor, userId, disabled ? 'user.disable' : 'user.enable', { disabled }, () =>
    setUserDisabled(userId, disabled),
  );
}
