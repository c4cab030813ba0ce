/**
 * What Switchboard can say about mTLS per managed receiver: whether it requires a client certificate and what
 * its recent deliveries came with. (Whether Meta presents one at all is the App Dashboard's per-app toggle,
 * which Graph does not expose — the settings page says so.)
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';

/** How many of each receiver's latest deliveries are summarised. */
export const RECENT_DELIVERIES = 50;

export interface ReceiverMtlsStatus {
  id: string;
  name: string;
  requireMtls: boolean;
  /** Over the latest RECENT_DELIVERIES deliveries; `notRecorded` = from before client certificates were kept. */
  recent: { total: number; valid: number; invalid: number; absent: number; notRecorded: number };
  lastValidAt: string | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  name: string;
  require_mtls: boolean;
  total: number;
  valid: number;
  invalid: number;
  absent: number;
  last_valid_at: string | Date | null;
}

export async function receiverMtlsStatus(db: Db): Promise<ReceiverMtlsStatus[]> {
  const result = (await db.execute(sql`
    SELECT r.id, r.name, r.require_mtls,
      count(d.seq)::int AS total,
      count(*) FILTER (WHERE d.client_cert = 'valid')::int AS valid,
      count(*) FILTER (WHERE d.client_cert = 'invalid')::int AS invalid,
      count(*) FILTER (WHERE d.client_cert = 'absent')::int AS absent,
      (SELECT max(v.received_at) FROM receiver_deliveries v
        WHERE v.receiver_id = r.id AND v.client_cert = 'valid') AS last_valid_at
    FROM receivers r
    LEFT JOIN LATERAL (
      SELECT seq, client_cert FROM receiver_deliveries
      WHERE receiver_id = r.id ORDER BY seq DESC LIMIT ${RECENT_DELIVERIES}
    ) d ON true
    GROUP BY r.id, r.name, r.require_mtls, r.created_at
    ORDER BY r.created_at`)) as unknown as { rows: Row[] };
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    requireMtls: row.require_mtls,
    recent: {
      total: row.total,
      valid: row.valid,
      invalid: row.invalid,
      absent: row.absent,
      notRecorded: row.total - row.valid - row.invalid - row.absent,
    },
    lastValidAt: row.last_valid_at ? new Date(row.last_valid_at).toISOString() : null,
  }));
}
