import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { changeLog } from '@/lib/db/schema';
import { openTestDb, testDatabaseKind } from './test-db';

describe('openTestDb', () => {
  // PGlite's cold start takes seconds on a busy machine.
  it('opens the database the run asked for, never silently the other one', { timeout: 60_000 }, async () => {
    // `TEST_DATABASE=postgres` must reach PostgreSQL; a fallback to PGlite would make that pass meaningless.
    expect(testDatabaseKind()).toBe(process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite');
    const handle = await openTestDb();
    try {
      expect(handle.kind).toBe(testDatabaseKind());
      const result = (await handle.db.execute(sql`select version() as v`)) as { rows: { v: string }[] };
      expect(result.rows[0]?.v).toMatch(/PostgreSQL/);
    } finally {
      await handle.close();
    }
  });

  it('gives each caller its own empty, migrated database', { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([openTestDb(), openTestDb()]);
    try {
      await a.db.insert(changeLog).values({
        actorEmail: 'a@example.test',
        action: 'test',
        targetType: 'test',
        targetId: '1',
        outcome: 'success',
      });
      expect(await a.db.$count(changeLog)).toBe(1);
      expect(await b.db.$count(changeLog)).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
