import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/auth/test-support';
import {
  countActiveAdmins,
  createUser,
  findUserByEmail,
  findUserById,
  listUsers,
  setUserDisabled,
  setUserRole,
  UserError,
} from './users';

beforeAll(useTestDatabase);

describe('users', () => {
  it('creates users with a normalised email and finds them case-insensitively', async () => {
    const created = await createUser({
      email: '  Mia@Example.COM ',
      name: ' Mia ',
      role: 'operator',
      passwordHash: 'h',
    });
    expect(created).toMatchObject({
      email: 'mia@example.com',
      name: 'Mia',
      role: 'operator',
      disabled: false,
      hasPassword: true,
    });
    expect(created).not.toHaveProperty('passwordHash');
    expect((await findUserByEmail('MIA@example.com'))?.id).toBe(created.id);
    expect((await findUserById(created.id))?.passwordHash).toBe('h');
    expect(await findUserById('not-a-uuid')).toBeNull();
  });

  it('refuses a second user with the same email in any case', async () => {
    await createUser({ email: 'dup@example.com', role: 'viewer' });
    await expect(createUser({ email: 'DUP@example.com', role: 'admin' })).rejects.toMatchObject({
      code: 'email_taken',
    });
  });

  it('changes roles and disables, returning before and after', async () => {
    const u = await createUser({ email: 'role-change@example.com', role: 'viewer' });
    const { before, after } = await setUserRole(u.id, 'operator');
    expect(before.role).toBe('viewer');
    expect(after.role).toBe('operator');
    const disabled = await setUserDisabled(u.id, true);
    expect(disabled.after.disabled).toBe(true);
    expect((await findUserById(u.id))?.disabled).toBe(true);
    expect((await listUsers()).find((x) => x.id === u.id)).toMatchObject({
      role: 'operator',
      disabled: true,
    });
  });

  it('never leaves the deployment without an active admin', async () => {
    const admins = (await listUsers()).filter((u) => u.role === 'admin');
    expect(admins).toHaveLength(0);
    const solo = await createUser({ email: 'solo-admin@example.com', role: 'admin' });
    await expect(setUserRole(solo.id, 'operator')).rejects.toMatchObject({ code: 'last_admin' });
    await expect(setUserDisabled(solo.id, true)).rejects.toBeInstanceOf(UserError);
    expect((await findUserById(solo.id))?.role).toBe('admin');

    const second = await createUser({ email: 'second-admin@example.com', role: 'admin' });
    expect(await countActiveAdmins()).toBe(2);
    await setUserDisabled(second.id, true);
    // A disabled admin does not count: solo is still the last active one.
    await expect(setUserRole(solo.id, 'viewer')).rejects.toMatchObject({ code: 'last_admin' });
    await setUserDisabled(second.id, false);
    await setUserRole(solo.id, 'viewer');
    expect(await countActiveAdmins()).toBe(1);
    // Changes that keep someone an active admin are always fine.
    await expect(setUserDisabled(second.id, false)).resolves.toBeDefined();
  });

  it('two admins demoting each other at once: exactly one succeeds', async () => {
    // Start from a clean slate of admins: demote everyone else first.
    const a = await createUser({ email: 'race-a@example.com', role: 'admin' });
    const b = await createUser({ email: 'race-b@example.com', role: 'admin' });
    for (const u of await listUsers()) {
      if (u.role === 'admin' && u.id !== a.id && u.id !== b.id) await setUserRole(u.id, 'operator');
    }
    const results = await Promise.allSettled([setUserRole(a.id, 'viewer'), setUserRole(b.id, 'viewer')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await countActiveAdmins()).toBe(1);
  });

  it('reports a missing user', async () => {
    await expect(setUserRole('00000000-0000-4000-8000-000000000000', 'viewer')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
