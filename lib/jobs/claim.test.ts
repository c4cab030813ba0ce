import { and, eq, lt } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import { auditScans } from '@/lib/db/schema';
import { openTestDb } from '@/lib/testing/test-db';
import { type ClaimSteps, claimSingleJob } from './claim';
import { JOB_STALE_AFTER_MS } from './liveness';

type Row = typeof auditScans.$inferSelect;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `pauseMs`: a slow instance between its check and its insert, where a claim without the lock would race. */
const steps = (startedBy: string, pauseMs = 0): ClaimSteps<Row> => ({
  interruptStale: (tx, before, now) =>
    tx
      .update(auditScans)
      .set({ status: 'interrupted', finishedAt: now })
      .where(and(eq(auditScans.status, 'running'), lt(auditScans.heartbeatAt, before))),
  findRunning: async (tx) => {
    const [row] = await tx.select().from(auditScans).where(eq(auditScans.status, 'running')).limit(1);
    await sleep(pauseMs);
    return row;
  },
  create: async (tx) => {
    const [row] = await tx.insert(auditScans).values({ appId: 'app', startedBy }).returning();
    if (!row) throw new Error('no row');
    return row;
  },
});

describe('claimSingleJob', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb();
  }, 120_000);
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.delete(auditScans);
  });

  it('creates one job when several instances claim at once; the others get that one', async () => {
    const claims = await Promise.all(
      ['a', 'b', 'c', 'd'].map((who) => claimSingleJob(handle.db, 'test.claim', steps(who, 50))),
    );
    expect(claims.filter((c) => c.created)).toHaveLength(1);
    expect(new Set(claims.map((c) => c.row.id)).size).toBe(1);
    expect(await handle.db.select().from(auditScans)).toHaveLength(1);
  });

  it('takes over a running job whose heartbeat stopped, and leaves a live one running', async () => {
    const now = Date.now();
    const [dead] = await handle.db
      .insert(auditScans)
      .values({ appId: 'app', startedBy: 'gone', heartbeatAt: new Date(now - JOB_STALE_AFTER_MS - 5_000) })
      .returning();
    const taken = await claimSingleJob(handle.db, 'test.claim', steps('next'), () => now);
    expect(taken.created).toBe(true);
    expect(taken.row.id).not.toBe(dead?.id);
    const [old] = await handle.db
      .select()
      .from(auditScans)
      .where(eq(auditScans.id, dead?.id ?? ''));
    expect(old).toMatchObject({ status: 'interrupted' });
    expect(old?.finishedAt?.getTime()).toBe(now);

    const joined = await claimSingleJob(handle.db, 'test.claim', steps('later'), () => now + 1_000);
    expect(joined).toMatchObject({ created: false, row: { id: taken.row.id, startedBy: 'next' } });
  });
});
