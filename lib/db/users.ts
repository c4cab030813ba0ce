/**
 * User queries. Emails are compared case-insensitively (the unique index is on lower(email)). The last-admin
 * guard runs inside a transaction that locks the active admin rows, so two admins demoting each other at the
 * same moment cannot leave the deployment without one.
 */
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Db, getDb } from './client';
import { type Role, type User, users } from './schema';

export type PublicUser = Omit<User, 'passwordHash'> & { hasPassword: boolean };

export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly code: 'email_taken' | 'not_found' | 'last_admin',
    message: string,
  ) {
    super(message);
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toPublic(user: User): PublicUser {
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null };
}

async function db(given?: Db): Promise<Db> {
  return given ?? (await getDb());
}

export async function findUserById(id: string, given?: Db): Promise<User | null> {
  // Session tokens carry whatever id they were issued with; a malformed one must not reach the uuid column.
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await (await db(given)).select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function findUserByEmail(email: string, given?: Db): Promise<User | null> {
  const [row] = await (await db(given))
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
    .limit(1);
  return row ?? null;
}

export async function findUserByExternalId(externalId: string, given?: Db): Promise<User | null> {
  const [row] = await (await db(given)).select().from(users).where(eq(users.externalId, externalId)).limit(1);
  return row ?? null;
}

export async function listUsers(given?: Db): Promise<PublicUser[]> {
  const rows = await (await db(given)).select().from(users).orderBy(asc(users.email));
  return rows.map(toPublic);
}

export interface NewUser {
  email: string;
  name?: string | null;
  role: Role;
  passwordHash?: string | null;
  externalId?: string | null;
}

export async function createUser(input: NewUser, given?: Db): Promise<PublicUser> {
  const handle = await db(given);
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(email, handle)) {
    throw new UserError('email_taken', `A user with the email ${email} already exists.`);
  }
  let row: typeof users.$inferSelect | undefined;
  try {
    [row] = await handle
      .insert(users)
      .values({
        email,
        name: input.name?.trim() || null,
        role: input.role,
        passwordHash: input.passwordHash ?? null,
        externalId: input.externalId ?? null,
      })
      .returning();
  } catch (error) {
    // Created between the check and the insert (another request or instance): the same answer as above.
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new UserError('email_taken', `A user with the email ${email} already exists.`);
    }
    throw error;
  }
  if (!row) throw new Error('insert returned no row');
  return toPublic(row);
}

/** PostgreSQL's unique_violation (23505) on `constraint`, whether the driver error is thrown bare or wrapped. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e instanceof Error || (e && typeof e === 'object'); ) {
    const candidate = e as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (
      candidate.code === '23505' &&
      (candidate.constraint === constraint || String(candidate.message ?? '').includes(constraint))
    ) {
      return true;
    }
    if (candidate.cause === undefined || candidate.cause === e) return false;
    e = candidate.cause;
  }
  return false;
}

export async function linkExternalId(id: string, externalId: string, given?: Db): Promise<void> {
  await (await db(given)).update(users).set({ externalId, updatedAt: new Date() }).where(eq(users.id, id));
}

/**
 * Applies a role or disabled change unless it would leave no active admin. Returns the user before and after
 * so the caller can write both to the change log.
 */
async function guardedUpdate(
  id: string,
  change: { role?: Role; disabled?: boolean },
  given?: Db,
): Promise<{ before: PublicUser; after: PublicUser }> {
  return (await db(given)).transaction(async (tx) => {
    const activeAdmins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
      .for('update');
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw new UserError('not_found', 'That user no longer exists.');
    const next = { role: change.role ?? before.role, disabled: change.disabled ?? before.disabled };
    const wasActiveAdmin = before.role === 'admin' && !before.disabled;
    const staysActiveAdmin = next.role === 'admin' && !next.disabled;
    if (wasActiveAdmin && !staysActiveAdmin && activeAdmins.every((a) => a.id === id)) {
      throw new UserError(
        'last_admin',
        `${before.email} is the last active admin. Make someone else an admin first.`,
      );
    }
    const [after] = await tx
      .update(users)
      .set({
        ...next,
        // Disabling ends every open session outright (lib/auth/session.ts compares the version).
        ...(next.disabled && !before.disabled ? { sessionVersion: before.sessionVersion + 1 } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    if (!after) throw new UserError('not_found', 'That user no longer exists.');
    return { before: toPublic(before), after: toPublic(after) };
  });
}

export function setUserRole(id: string, role: Role, given?: Db) {
  return guardedUpdate(id, { role }, given);
}

export function setUserDisabled(id: string, disabled: boolean, given?: Db) {
  return guardedUpdate(id, { disabled }, given);
}

/** Ends every session of the user issued before now (sign-out). */
export async function bumpSessionVersion(id: string, given?: Db): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return;
  await (await db(given))
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id));
}

export async function countActiveAdmins(given?: Db): Promise<number> {
  const [row] = await (await db(given))
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)));
  return row?.n ?? 0;
}
