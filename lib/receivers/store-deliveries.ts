/**
 * The write path behind the 200: one transaction per batch inserts the events (the primary key on
 * (receiver, event key) makes `ON CONFLICT DO NOTHING` the dedupe) and then one row per delivery, stored
 * when it brought at least one new event, duplicate otherwise. Rejected deliveries keep headers only.
 */
import 'server-only';
import type { Db } from '@/lib/db/client';
import { type DeliveryOutcome, receiverDeliveries, receiverEvents } from '@/lib/db/schema';
import type { Tier } from '@/lib/graph/schemas';
import type { ParsedDelivery } from './payload';

export type RejectReason = 'bad_signature' | 'missing_signature' | 'too_large';
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
}

export interface StoreResult {
  outcome: DeliveryOutcome;
  newEvents: number;
}

/** Keeps each INSERT well under PostgreSQL's 65,535 bind parameters. */
const EVENT_ROWS_PER_INSERT = 5000;

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

export async function storeDeliveries(db: Db, records: readonly DeliveryRecord[]): Promise<StoreResult[]> {
  const eventRows = records.flatMap((r) =>
    (r.accepted?.parsed.events ?? []).map((e) => ({
      receiverId: r.receiverId,
      eventKey: e.key,
      deliveryId: r.id,
      field: e.field,
      phoneNumberId: e.phoneNumberId,
      receivedAt: r.receivedAt,
    })),
  );
  return db.transaction(async (tx) => {
    const newEvents = new Map<string, number>();
    for (let i = 0; i < eventRows.length; i += EVENT_ROWS_PER_INSERT) {
      const inserted = await tx
        .insert(receiverEvents)
        .values(eventRows.slice(i, i + EVENT_ROWS_PER_INSERT))
        .onConflictDoNothing()
        .returning({ deliveryId: receiverEvents.deliveryId });
      for (const { deliveryId } of inserted) newEvents.set(deliveryId, (newEvents.get(deliveryId) ?? 0) + 1);
    }
    const results: StoreResult[] = records.map((r) => {
      const count = newEvents.get(r.id) ?? 0;
      if (!r.accepted) return { outcome: 'rejected', newEvents: 0 };
      return { outcome: count > 0 ? 'stored' : 'duplicate', newEvents: count };
    });
    await tx.insert(receiverDeliveries).values(
      records.map((r, i) => {
        const outcome = results[i]?.outcome ?? 'rejected';
        const accepted = r.accepted;
        return {
          id: r.id,
          receiverId: r.receiverId,
          receivedAt: r.receivedAt,
          outcome,
          rejectReason: r.rejectReason ?? null,
          signatureKey: accepted?.signatureKey ?? null,
          headers: r.headers,
          // Only the first copy of an event keeps its body: duplicates and rejections are headers only.
          ...(outcome === 'stored' && accepted
            ? encodeBody(accepted.body)
            : { body: null, bodyEncoding: null }),
          bodyBytes: r.bodyBytes,
          fields: accepted?.parsed.fields ?? [],
          phoneNumberIds: accepted?.parsed.phoneNumberIds ?? [],
          wabaIds: accepted?.parsed.wabaIds ?? [],
          eventCount: accepted?.parsed.events.length ?? 0,
          newEventCount: results[i]?.newEvents ?? 0,
          routedTier: accepted?.routedTier ?? null,
        };
      }),
    );
    return results;
  });
}
