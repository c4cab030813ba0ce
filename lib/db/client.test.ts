import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from './client';
import { hasCluster } from './pglite-init';
import { changeLog, users } from './schema';

describe('openDb (PGlite)', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('creates the parent folder, migrates, and keeps rows across reopen', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sb-db-'));
    dirs.push(root);
    const dataDir = path.join(root, 'nested', 'pg');
    const first = await openDb({ dataDir });
    const [user] = await first.db
      .insert(users)
      .values({ email: 'Ops@Example.com', role: 'operator' })
      .returning();
    await first.db.insert(changeLog).values({
      actorId: user?.id,
      actorEmail: 'ops@example.com',
      action: 'waba.subscribe',
      targetType: 'waba',
      targetId: '100',
      outcome: 'success',
    });
    await first.close();

    const second = await openDb({ dataDir });
    // Held to 32 MB on every open (lib/db/client.ts says why); the cluster itself was created in a worker.
    const buffers = (await second.db.execute(sql`show shared_buffers`)) as unknown as {
      rows: { shared_buffers: string }[];
    };
    expect(buffers.rows[0]?.shared_buffers).toBe('32MB');
    expect(hasCluster(dataDir)).toBe(true);
    const rows = await second.db.select().from(changeLog).where(eq(changeLog.targetId, '100'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.action).toBe('waba.subscribe');
    await second.close();
    // Two cold PGlite starts on a new data dir: ~5 s each when idle, far more on a loaded 2-core machine.
  }, 120_000);

  it('enforces case-insensitive unique emails', async () => {
    const { db, close } = await openDb({ dataDir: 'memory://' });
    await db.insert(users).values({ email: 'a@example.com' });
    await expect(db.insert(users).values({ email: 'A@EXAMPLE.COM' })).rejects.toThrow();
    await close();
  }, 60_000);
});
