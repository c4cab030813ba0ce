import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, setUserDisabled } from '@/lib/db/users';
import { authorizeCredentials } from './credentials';
import { hashPassword } from './password';
import { useTestDatabase } from './test-support';

const PASSWORD = 'a long enough password';
let hash: string;

beforeAll(async () => {
  await useTestDatabase();
  hash = await hashPassword(PASSWORD);
});

describe('authorizeCredentials', () => {
  it('signs in with the right password, any email case, and returns only the identity', async () => {
    const user = await createUser({
      email: 'kim@example.com',
      name: 'Kim',
      role: 'operator',
      passwordHash: hash,
    });
    const identity = await authorizeCredentials(
      { email: ' KIM@example.com ', password: PASSWORD },
      '10.1.0.1',
    );
    expect(identity).toEqual({ id: user.id, email: 'kim@example.com', sessionVersion: 0, name: 'Kim' });
  });

  it('answers null for a wrong password, an unknown email, an SSO-only user and malformed input', async () => {
    await createUser({ email: 'sso-only@example.com', role: 'viewer', externalId: 'https://idp|1' });
    expect(
      await authorizeCredentials({ email: 'kim@example.com', password: 'wrong password!' }, null),
    ).toBeNull();
    expect(await authorizeCredentials({ email: 'nobody@example.com', password: PASSWORD }, null)).toBeNull();
    expect(
      await authorizeCredentials({ email: 'sso-only@example.com', password: PASSWORD }, null),
    ).toBeNull();
    expect(await authorizeCredentials({ email: 'kim@example.com' }, null)).toBeNull();
    expect(await authorizeCredentials(undefined, null)).toBeNull();
  });

  it('tells a disabled user who knows the password, and nobody else', async () => {
    const user = await createUser({ email: 'gone@example.com', role: 'viewer', passwordHash: hash });
    await createUser({ email: 'keeper@example.com', role: 'admin' });
    await setUserDisabled(user.id, true);
    await expect(
      authorizeCredentials({ email: 'gone@example.com', password: PASSWORD }, null),
    ).rejects.toThrow('AccountDisabled');
    expect(
      await authorizeCredentials({ email: 'gone@example.com', password: 'not the password' }, null),
    ).toBeNull();
  });

  it('after five failures from one address refuses even the right password there, naming the wait', async () => {
    await createUser({ email: 'target@example.com', role: 'viewer', passwordHash: hash });
    for (let i = 0; i < 5; i++) {
      expect(
        await authorizeCredentials(
          { email: 'target@example.com', password: `guess number ${i}` },
          '10.2.0.1',
        ),
      ).toBeNull();
    }
    await expect(
      authorizeCredentials({ email: 'target@example.com', password: PASSWORD }, '10.2.0.1'),
    ).rejects.toThrow(/^RateLimited:(8\d\d|900)$/);
    // Other people are unaffected.
    expect(
      await authorizeCredentials({ email: 'kim@example.com', password: PASSWORD }, '10.2.0.1'),
    ).not.toBeNull();
  });

  it('a stranger guessing from many addresses cannot lock the owner out', async () => {
    await createUser({ email: 'owner@example.com', role: 'viewer', passwordHash: hash });
    for (let i = 0; i < 6; i++) {
      expect(
        await authorizeCredentials({ email: 'owner@example.com', password: `guess ${i}` }, `10.4.0.${i}`),
      ).toBeNull();
    }
    // From the owner's own address, with no failures of its own: slowed down, never refused.
    const started = Date.now();
    expect(
      await authorizeCredentials({ email: 'owner@example.com', password: PASSWORD }, '10.5.0.1'),
    ).toMatchObject({ email: 'owner@example.com' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });
});
