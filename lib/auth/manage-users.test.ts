import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { changeLog } from '@/lib/db/schema';
import { bumpSessionVersion, findUserByEmail } from '@/lib/db/users';
import { authorizeCredentials } from './credentials';
import { changeUserRole, createPasswordUser, setUserDisabledState } from './manage-users';
import { useTestDatabase } from './test-support';

const actor = { id: null, email: 'boss@example.com' };

async function logFor(targetId: string) {
  const db = await getDb();
  return db.select().from(changeLog).where(eq(changeLog.targetId, targetId)).orderBy(changeLog.id);
}

beforeAll(useTestDatabase);

describe('managing users', () => {
  it('creates a user who can then sign in, and logs it without the password', async () => {
    const result = await createPasswordUser(actor, {
      email: 'Newbie@example.com',
      name: 'Newbie',
      role: 'operator',
      password: 'initial password 1',
    });
    if (!result.ok) throw new Error(result.error);
    expect(
      await authorizeCredentials({ email: 'newbie@example.com', password: 'initial password 1' }, null),
    ).toMatchObject({
      id: result.user.id,
    });
    const [row] = await logFor(result.user.id);
    expect(row).toMatchObject({ action: 'user.create', actorEmail: 'boss@example.com', outcome: 'success' });
    expect(JSON.stringify(row)).not.toContain('initial password 1');
    expect(JSON.stringify(row)).not.toContain('$2');

    const again = await createPasswordUser(actor, {
      email: 'NEWBIE@example.com',
      role: 'viewer',
      password: 'whatever pass 2',
    });
    expect(again).toMatchObject({ ok: false, field: 'email' });
  });

  it('changes roles and disables with before/after in the log', async () => {
    await createPasswordUser(actor, {
      email: 'admin-one@example.com',
      role: 'admin',
      password: 'admin password 1',
    });
    const target = await createPasswordUser(actor, {
      email: 'mover@example.com',
      role: 'viewer',
      password: 'mover password',
    });
    if (!target.ok) throw new Error(target.error);
    expect(await changeUserRole(actor, target.user.id, 'operator')).toMatchObject({
      ok: true,
      user: { role: 'operator' },
    });
    expect(await setUserDisabledState(actor, target.user.id, true)).toMatchObject({
      ok: true,
      user: { disabled: true },
    });
    expect(await setUserDisabledState(actor, target.user.id, false)).toMatchObject({
      ok: true,
      user: { disabled: false },
    });
    const rows = await logFor(target.user.id);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['user.create', 'success'],
      ['user.role_change', 'success'],
      ['user.disable', 'success'],
      ['user.enable', 'success'],
    ]);
    expect(rows[1]).toMatchObject({
      before: { role: 'viewer' },
      requested: { role: 'operator' },
      after: { role: 'operator' },
    });
  });

  it('refuses to demote or disable the last active admin, and logs the refusal', async () => {
    const admin = await findUserByEmail('admin-one@example.com');
    if (!admin) throw new Error('missing admin');
    const demote = await changeUserRole({ id: admin.id, email: admin.email }, admin.id, 'viewer');
    expect(demote).toMatchObject({ ok: false, error: expect.stringMatching(/last active admin/) });
    const disable = await setUserDisabledState({ id: admin.id, email: admin.email }, admin.id, true);
    expect(disable.ok).toBe(false);
    expect((await findUserByEmail('admin-one@example.com'))?.role).toBe('admin');
    const refusals = (await logFor(admin.id)).filter((r) => r.outcome === 'refused');
    expect(refusals.map((r) => r.action)).toEqual(['user.role_change', 'user.disable']);
  });
});

describe('session version', () => {
  it('is handed out at sign-in, and disabling or signing out moves it on; a role change does not', async () => {
    const created = await createPasswordUser(actor, {
      email: 'versioned@example.com',
      role: 'operator',
      password: 'initial password 1',
    });
    if (!created.ok) throw new Error(created.error);
    const signIn = () =>
      authorizeCredentials({ email: 'versioned@example.com', password: 'initial password 1' }, null);
    const first = await signIn();
    expect(first?.sessionVersion).toBe(0);

    await bumpSessionVersion(created.user.id);
    expect((await findUserByEmail('versioned@example.com'))?.sessionVersion).toBe(1);
    expect((await signIn())?.sessionVersion).toBe(1);

    // The role is re-read on every request anyway; the session lives on under the new role.
    await changeUserRole(actor, created.user.id, 'viewer');
    expect((await findUserByEmail('versioned@example.com'))?.sessionVersion).toBe(1);

    await setUserDisabledState(actor, created.user.id, true);
    expect((await findUserByEmail('versioned@example.com'))?.sessionVersion).toBe(2);
    await setUserDisabledState(actor, created.user.id, false);
    expect((await findUserByEmail('versioned@example.com'))?.sessionVersion).toBe(2);
  });
});
