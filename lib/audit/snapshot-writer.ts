/**
 * Writes snapshot rows in bulk. Each chunk is ONE statement with ONE parameter — the rows as a JSON array
 * expanded by `jsonb_to_recordset` — instead of a VALUES list with a bind parameter per cell: on PGlite that is
 * about ten times faster (10,000 rows in well under a second instead of several), and PostgreSQL does the same.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { NewRouteSnapshot } from './rows';

export const SNAPSHOT_CHUNK = 2_000;

/** Column → SQL type, in insert order; names match lib/db/schema.ts. */
const COLUMNS = [
  ['scan_id', 'uuid'],
  ['app_id', 'text'],
  ['app_label', 'text'],
  ['at', 'timestamptz'],
  ['phone_number_id', 'text'],
  ['waba_id', 'text'],
  ['waba_name', 'text'],
  ['business_id', 'text'],
  ['ownership', 'text'],
  ['display_phone_number', 'text'],
  ['verified_name', 'text'],
  ['phone_tier', 'text'],
  ['waba_tier', 'text'],
  ['app_tier', 'text'],
  ['winner', 'text'],
  ['effective_url', 'text'],
  ['subscribed', 'boolean'],
  ['verdict', 'text'],
  ['first_problem', 'text'],
] as const;

const names = sql.raw(COLUMNS.map(([name]) => name).join(', '));
const recordType = sql.raw(COLUMNS.map(([name, type]) => `${name} ${type}`).join(', '));

function toRecord(row: NewRouteSnapshot) {
  return {
    scan_id: row.scanId,
    app_id: row.appId ?? null,
    app_label: row.appLabel ?? null,
    at: row.at.toISOString(),
    phone_number_id: row.phoneNumberId,
    waba_id: row.wabaId,
    waba_name: row.wabaName ?? null,
    business_id: row.businessId,
    ownership: row.ownership,
    display_phone_number: row.displayPhoneNumber ?? null,
    verified_name: row.verifiedName ?? null,
    phone_tier: row.phoneTier ?? null,
    waba_tier: row.wabaTier ?? null,
    app_tier: row.appTier ?? null,
    winner: row.winner ?? null,
    effective_url: row.effectiveUrl ?? null,
    subscribed: row.subscribed,
    verdict: row.verdict ?? null,
    first_problem: row.firstProblem ?? null,
  };
}

export async function insertSnapshots(db: Db, rows: readonly NewRouteSnapshot[], chunkSize = SNAPSHOT_CHUNK) {
  for (let i = 0; i < rows.length; i += chunkSize) {
    const json = JSON.stringify(rows.slice(i, i + chunkSize).map(toRecord));
    await db.execute(
      sql`INSERT INTO route_snapshots (${names}) SELECT ${names} FROM jsonb_to_recordset(${json}::jsonb) AS r(${recordType})`,
    );
  }
}
