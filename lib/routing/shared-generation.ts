/**
 * Cross-instance invalidation through the database: a write on one instance bumps a counter; every instance
 * reads it (one primary-key lookup) before trusting its own cache and drops the cache when it moved.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { sharedGenerations } from '@/lib/db/schema';

export async function readGeneration(db: Db, name: string): Promise<number> {
  const rows = await db
    .select({ generation: sharedGenerations.generation })
    .from(sharedGenerations)
    .where(eq(sharedGenerations.name, name));
  return rows[0]?.generation ?? 0;
}

export async function bumpGeneration(db: Db, name: string): Promise<number> {
  const rows = await db
    .insert(sharedGenerations)
    .values({ name, generation: 1 })
    .onConflictDoUpdate({
      target: sharedGenerations.name,
      set: { generation: sql`${sharedGenerations.generation} + 1`, updatedAt: sql`now()` },
    })
    .returning({ generation: sharedGenerations.generation });
  return rows[0]?.generation ?? 0;
}
