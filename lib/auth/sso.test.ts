import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { changeLog } from '@/lib/db/schema';
import { createUser, findUserByEmail, setUserDisabled } from '@/lib/db/users';
import { emailDomainAllowed, externalIdFor, resolveSsoUser, type SsoSettings } from './sso';
import { useTestDatabase } from './test-support';

const settings: SsoSettings = {
  issuer: 'https://idp.example/',
  allowedDomains: ['acme.test'],
  defaultRole: 'viewer',
};

beforeAll(useTestDatabase);

describe('single sign-on users', () => {
  it('checks email domains exactly, and allows any when the list is empty', () => {
    expect(emailDomainAllowed('a@ACME.test', ['acme.test'])).toBe(true);
    expect(emailDomainAllowed('a@evil-acme.test', ['acme.test'])).toBe(false);
    expect(emailDomainAllowed('a@acme.test.evil', ['acme.test'])).toBe(false);
    expect(emailDomainAllowed('a@anything.example', [])).toBe(true);
  });

  it('creates a first-time user with the default role, linked by issuer|sub, and logs it', async () => {
    const outcome = await resolveSsoUser(
      { sub: 'u-1', email: 'New@Acme.test', name: 'New Person' },
      settings,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.user).toMatchObject({
      email: 'new@acme.test',
      role: 'viewer',
      passwordHash: null,
      externalId: 'https://idp.example|u-1',
    });
    const db = await getDb();
    const rows = await db.select().from(changeLog).where(eq(changeLog.targetId, outcome.user.id));
    expect(rows).toMatchObject([{ action: 'user.create', targetType: 'user', outcome: 'success' }]);

    // Same subject again, even with a changed email: the same user, nothing new created.
    const again = await resolveSsoUser({ sub: 'u-1', email: 'renamed@acme.test' }, settings);
    expect(again.ok && again.user.id).toBe(outcome.user.id);
  });

  it('refuses other domains, missing emails and unverified emails', async () => {
    expect(await resolveSsoUser({ sub: 'u-2', email: 'x@other.test' }, settings)).toEqual({
      ok: false,
      code: 'SsoDomain',
    });
    expect(await resolveSsoUser({ sub: 'u-3', email: null }, settings)).toEqual({
      ok: false,
      code: 'SsoNoEmail',
    });
    expect(
      await resolveSsoUser({ sub: 'u-4', email: 'y@acme.test', emailVerified: false }, settings),
    ).toEqual({
      ok: false,
      code: 'SsoUnverified',
    });
    expect(await findUserByEmail('x@other.test')).toBeNull();
  });

  it('links an existing password user only when the provider verified the email', async () => {
    await createUser({ email: 'existing@acme.test', role: 'operator', passwordHash: 'h' });
    expect(await resolveSsoUser({ sub: 'u-5', email: 'existing@acme.test' }, settings)).toEqual({
      ok: false,
      code: 'SsoEmailTaken',
    });
    const linked = await resolveSsoUser(
      { sub: 'u-5', email: 'existing@acme.test', emailVerified: true },
      settings,
    );
    expect(linked.ok && linked.user).toMatchObject({
      role: 'operator',
      externalId: externalIdFor(settings.issuer, 'u-5'),
    });
    // Someone else cannot take over an account already linked to another subject.
    expect(
      await resolveSsoUser({ sub: 'u-6', email: 'existing@acme.test', emailVerified: true }, settings),
    ).toEqual({
      ok: false,
      code: 'SsoEmailTaken',
    });
  });

  it('refuses a disabled user', async () => {
    const outcome = await resolveSsoUser({ sub: 'u-7', email: 'leaver@acme.test' }, settings);
    if (!outcome.ok) throw new Error('expected the user to be created');
    await createUser({ email: 'admin@acme.test', role: 'admin' });
    await setUserDisabled(outcome.user.id, true);
    expect(await resolveSsoUser({ sub: 'u-7', email: 'leaver@acme.test' }, settings)).toEqual({
      ok: false,
      code: 'AccountDisabled',
    });
  });
});
