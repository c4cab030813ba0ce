import { beforeAll, describe, expect, it } from 'vitest';
import { listUsers } from '@/lib/db/users';
import { DEMO_USERS, seedDemoUsers } from './demo-users';
import { useTestDatabase } from './test-support';

beforeAll(useTestDatabase);

describe('seedDemoUsers', () => {
  it('creates each demo account once, even when two instances start at the same moment', async () => {
    const counts = await Promise.all([seedDemoUsers(), seedDemoUsers()]);
    expect(counts[0] + counts[1]).toBe(DEMO_USERS.length);
    const emails = (await listUsers()).map((u) => u.email).sort();
    expect(emails).toEqual(DEMO_USERS.map((d) => d.email).sort());
    // A later start finds them all and creates nothing.
    expect(await seedDemoUsers()).toBe(0);
  });
});
