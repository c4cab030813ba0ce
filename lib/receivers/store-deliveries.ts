/**
 * The write path behind the 200: one statement per batch inserts the events (the primary key on
 * (receiver, event key) makes `ON CONFLICT DO NOTHING` the dedupe) and one row per delivery: stored when it
 * brought at least one new event, duplicate otherwise. Duplicates and rejections keep headers only.
 *
 * Rejections cost the sender nothing (anyone who knows the URL can POST a bad signature), so they are counted
 * on the receiver (`rejected_total`) and only the latest REJECTED_SAMPLE rows per receiver are kept.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { ClientCertState, DeliveryOutcome } from '@/lib/db/schema';
import type { Tier } from '@/lib/graph/schemas';
import type { ParsedDelivery } from './payload';

export type RejectReason = 'bad_signature' | 'missing_signature' | 'too_large' | 'client_certificate';
export type SignatureKey = 'current' | 'previous';

export interface DeliveryRecord {
  id: string;
  receiverId: string;
  receivedAt: Date;
  headers: Record<string, string>;
  bodyBytes: number;
  accepted?: {
    body: Uint8Array;
    parsed: ParsedDelivery;
    signatureKey: SignatureKey;
    routedTier: Tier | null;
  };
  rejectReason?: RejectReason;
  /** Whether a valid client certificate came (mTLS); unset = not known. */
  clientCert?: ClientCertState;
}

/** How many rejected requests per receiver are kept for inspection; older ones only count. */
export const REJECTED_SAMPLE = 100;

export interface StoreResult {
  outcome: DeliveryOutcome;
  newEvents: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Text when the bytes are valid UTF-8 without NUL (PostgreSQL text cannot hold NUL); base64 otherwise. */
export function encodeBody(body: Uint8Array): { body: string; bodyEncoding: 'utf8' | 'base64' } {
  try {
    const text = strictUtf8.decode(body);
    if (!text.includes('\u0000')) return { body: text, bodyEncoding: 'utf8' };
  } catch {
    // not UTF-8
  }
  return { body: Buffer.from(body).toString('base64'), bodyEncoding: 'base64' };
}

/**
 * One statement per batch — atomic on its own, one bind parameter however large the batch — because on the
 * embedded database each statement has a fixed cost that dominates small inserts. The batch arrives as JSON:
 * events are inserted with ON CONFLICT DO NOTHING, each delivery's outcome is computed from how many of
 * its events that insert kept, and the receivers' rejection counters move in the same statement.
 */
const STORE_BATCH = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(
    id uuid, receiver_id uuid, received_at timestamptz, accepted boolean, reject_reason text, signature_key text,
    headers jsonb, body text, body_encoding text, body_bytes int, fields text[], phone_number_ids text[],
    waba_ids text[], event_count int, routed_tier text, client_cert text, events jsonb)
), inserted AS (
  INSERT INTO receiver_events (receiver_id, event_key, delivery_id, field, phone_number_id, received_at)
  SELECT i.receiver_id, e.key, i.id, e.field, e.phone, i.received_at
  FROM input i, jsonb_to_recordset(i.events) AS e(key text, field text, phone text)
  ON CONFLICT DO NOTHING
  RETURNING delivery_id
), counts AS (
  SELECT delivery_id, count(*)::int AS n FROM inserted GROUP BY delivery_id
), rejected_counts AS (
  UPDATE receivers r SET rejected_total = r.rejected_total + x.n
  FROM (SELECT receiver_id, count(*)::int AS n FROM input WHERE NOT accepted GROUP BY receiver_id) x
  WHERE r.id = x.receiver_id
)
INSERT INTO receiver_deliveries (id, receiver_id, received_at, outcome, reject_reason, signature_key, headers,
  body, body_encoding, body_bytes, fields, phone_number_ids, waba_ids, event_count, new_event_count, routed_tier,
  client_cert)
SELECT i.id, i.receiver_id, i.received_at,
  CASE WHEN NOT i.accepted THEN 'rejected' WHEN coalesce(c.n, 0) > 0 THEN 'stored' ELSE 'duplicate' END,
  i.reject_reason, i.signature_key, i.headers,
  CASE WHEN coalesce(c.n, 0) > 0 THEN i.body END,
  CASE WHEN coalesce(c.n, 0) > 0 THEN i.body_encoding END,
  i.body_bytes, i.fields, i.phone_number_ids, i.waba_ids, i.event_count, coalesce(c.n, 0), i.routed_tier,
  i.client_cert
FROM input i LEFT JOIN counts c ON c.delivery_id = i.id
RETURNING id, outcome, new_event_count`;

function toJsonRow(r: DeliveryRecord) {
  const accepted = r.accepted;
  // Only the first copy of an event keeps its body (the statement drops it for duplicates); rejections never do.
  const body = accepted ? encodeBody(accepted.body) : { body: null, bodyEncoding: null };
  return {
    id: r.id,
    receiver_id: r.receiverId,
    received_at: r.receivedAt.toISOString(),
    accepted: Boolean(accepted),
    reject_reason: r.rejectReason ?? null,
    signature_key: accepted?.signatureKey ?? null,
    headers: r.headers,
    body: body.body,
    body_encoding: body.bodyEncoding,
    body_bytes: r.bodyBytes,
    fields: accepted?.parsed.fields ?? [],
    phone_number_ids: accepted?.parsed.phoneNumberIds ?? [],
    waba_ids: accepted?.parsed.wabaIds ?? [],
    event_count: accepted?.parsed.events.length ?? 0,
    routed_tier: accepted?.routedTier ?? null,
    client_cert: r.clientCert ?? null,
    events: (accepted?.parsed.events ?? []).map((e) => ({
      key: e.key,
      field: e.field,
      phone: e.phoneNumberId,
    })),
  };
}

interface StoredRow {
  id: string;
  outcome: DeliveryOutcome;
  new_event_count: number;
}

const [BEFORE_BATCH, AFTER_BATCH] = STORE_BATCH.split('$1') as [string, string];

export async function storeDeliveries(db: Db, records: readonly DeliveryRecord[]): Promise<StoreResult[]> {
  const batch = JSON.stringify(records.map(toJsonRow));
  const result = (await db.execute(
    sql`${sql.raw(BEFORE_BATCH)}${batch}${sql.raw(AFTER_BATCH)}`,
  )) as unknown as {
    rows: StoredRow[];
  };
  await trimRejections(db, records);
  const byId = new Map(result.rows.map((row) => [row.id, row]));
  return records.map((r) => {
    const row = byId.get(r.id);
    if (!row) throw new Error('A delivery was not written');
    return { outcome: row.outcome, newEvents: row.new_event_count };
  });
}

/**
 * Only batches with rejections pay for this: one bounded DELETE per receiver concerned, which reads the
 * newest rejected rows through the partial index on them (receiver_deliveries_rejected_idx).
 */
async function trimRejections(db: Db, records: readonly DeliveryRecord[]): Promise<void> {
  const receiverIds = new Set<string>();
  for (const r of records) if (!r.accepted) receiverIds.add(r.receiverId);
  for (const receiverId of receiverIds) {
    await db.execute(sql`
      DELETE FROM receiver_deliveries
      WHERE receiver_id = ${receiverId}::uuid AND outcome = 'rejected' AND seq < (
        SELECT seq FROM receiver_deliveries
        WHERE receiver_id = ${receiverId}::uuid AND outcome = 'rejected'
        ORDER BY seq DESC OFFSET ${REJECTED_SAMPLE - 1} LIMIT 1
      )`);
  }
}
