/**
 * Claiming the one running job of a kind across instances sharing a database: under a transaction-scoped
 * advisory lock, running rows whose heartbeat stopped are taken over (marked interrupted), then the job still
 * running is returned, or a new one is created. The table-specific statements are the caller's.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { staleBefore } from './liveness';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface ClaimSteps<Row> {
  /** Marks running rows with a heartbeat before `before` as interrupted. */
  interruptStale: (tx: Tx, before: Date, now: Date) => Promise<unknown>;
  findRunning: (tx: Tx) => Promise<Row | undefined>;
  create: (tx: Tx) => Promise<Row>;
}

export async function claimSingleJob<Row>(
  db: Db,
  lockName: string,
  steps: ClaimSteps<Row>,
  now: () => number = Date.now,
): Promise<{ row: Row; created: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${lockName}))`);
    const at = now();
    await steps.interruptStale(tx, staleBefore(at), new Date(at));
    const running = await steps.findRunning(tx);
    if (running) return { row: running, created: false };
    return { row: await steps.create(tx), created: true };
  });
}
