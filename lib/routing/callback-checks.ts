/** The `callback_checks` table: every preflight / Test callback outcome, and the latest outcome per URL. */
import 'server-only';
import { desc, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { callbackChecks } from '@/lib/db/schema';
import type { PreflightReason } from './types';

export interface CallbackCheckRow {
  url: string;
  ok: boolean;
  httpStatus: number | null;
  durationMs: number;
  reason: PreflightReason | null;
  checkedBy: string | null;
}

export async function recordCallbackCheck(db: Db, row: CallbackCheckRow): Promise<void> {
  await db.insert(callbackChecks).values(row);
}

export interface LatestCheck {
  url: string;
  ok: boolean;
  at: Date;
  reason: PreflightReason | null;
}

// Bind parameters per query stay far below PostgreSQL's limit.
const CHUNK = 1_000;

/** The most recent check of each URL that has one. */
export async function latestChecks(db: Db, urls: readonly string[]): Promise<Map<string, LatestCheck>> {
  const unique = [...new Set(urls)];
  const out = new Map<string, LatestCheck>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectDistinctOn([callbackChecks.url], {
        url: callbackChecks.url,
        ok: callbackChecks.ok,
        at: callbackChecks.at,
        reason: callbackChecks.reason,
      })
      .from(callbackChecks)
      .where(inArray(callbackChecks.url, unique.slice(i, i + CHUNK)))
      .orderBy(callbackChecks.url, desc(callbackChecks.at), desc(callbackChecks.id));
    for (const row of rows) out.set(row.url, { ...row, reason: row.reason as PreflightReason | null });
  }
  return out;
}
