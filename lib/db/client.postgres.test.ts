/** PostgreSQL only (`npm run test:postgres`): what several instances on one server rely on. */
import { sql } from 'drizzle-orm';
import pg from 'pg';
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

  it('keeps working when PostgreSQL closes its idle connections (a restart, a failover, an admin kill)', async () => {
    const url = await createDatabase(adminUrl ?? '', 'switchboard_kill');
    const handle = await openDb({ databaseUrl: url });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await Promise.all([1, 2, 3].map(() => handle.db.execute(sql`select pg_sleep(0.05)`)));
      const killed = await admin.query(
        'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1',
        [new URL(url).pathname.slice(1)],
      );
      expect(killed.rows.length).toBeGreaterThan(0);
      // Each idle client now gets an 'error' event; unheard, it would be an uncaught exception that fails this run.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = (await handle.db.execute(sql`select 41 + 1 as n`)) as { rows: { n: number }[] };
      expect(again.rows[0]?.n).toBe(42);
    } finally {
      await admin.end();
      await handle.close();
      await dropDatabase(adminUrl ?? '', url);
    }
  });
});
