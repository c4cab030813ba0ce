/**
 * Sign-in attempts, one row per try, keyed `email:<address>`, `email-ip:<address>|<ip>` or `ip:<address>`.
 * Kept in the database rather than in memory so every instance behind a load balancer counts the same failures.
 */
import 'server-only';
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { type Db, getDb } from './client';
import { signInAttempts } from './schema';

async function db(given?: Db): Promise<Db> {
  return given ?? (await getDb());
}

export async function insertSignInAttempt(
  attempt: { key: string; succeeded: boolean; at?: Date },
  given?: Db,
): Promise<void> {
  await (await db(given))
    .insert(signInAttempts)
    .values({ key: attempt.key, succeeded: attempt.succeeded, at: attempt.at ?? new Date() });
}

/**
 * The most recent attempts for a key after `since`, newest first, at most `limit` rows: enough to count
 * failures up to the limit and to find when the oldest counted one leaves the window.
 */
export async function recentSignInAttempts(
  query: { key: string; since: Date; limit: number; failuresOnly?: boolean },
  given?: Db,
): Promise<{ at: Date; succeeded: boolean }[]> {
  const conditions = [eq(signInAttempts.key, query.key), gt(signInAttempts.at, query.since)];
  if (query.failuresOnly) conditions.push(eq(signInAttempts.succeeded, false));
  return (await db(given))
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(...conditions))
    .orderBy(desc(signInAttempts.at), desc(signInAttempts.id))
    .limit(query.limit);
}

/** Attempts older than any window only take space; `key` narrows the delete to one index range. */
export async function pruneSignInAttempts(before: Date, key?: string, given?: Db): Promise<void> {
  const old = lt(signInAttempts.at, before);
  await (await db(given)).delete(signInAttempts).where(key ? and(eq(signInAttempts.key, key), old) : old);
}
