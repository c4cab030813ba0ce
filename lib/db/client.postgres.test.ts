/** PostgreSQL only (`npm run test:postgres`): what several instances on one server rely on. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase } from '@/lib/testing/postgres';
import { openDb } from './client';

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('openDb (PostgreSQL)', () => {
  it('lets instances that start at the same moment migrate one fresh database without tripping over each other', async () => {
    const url = await createDatabase(adminUrl ?? '', 'switchboard_race');
    try {
      const handles = await Promise.all(Array.from({ length: 4 }, () => openDb({ databaseUrl: url })));
      try {
        for (const handle of handles) expect(handle.kind).toBe('postgres');
        const result = (await handles[0]?.db.execute(
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        )) as { rows: { n: number }[] };
        const journal = await import('./migrations/meta/_journal.json');
        expect(result.rows[0]?.n).toBe(journal.entries.length);
      } finally {
        await Promise.all(handles.map((h) => h.close()));
      }
    } finally {
      await dropDatabase(adminUrl ?? '', url);
    }
  });
});
