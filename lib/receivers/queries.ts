/**
 * Reads for the receivers pages and the inspector. Lists never carry bodies; one delivery's body is read on
 * demand.
 */
import 'server-only';
import { and, desc, eq, gte, inArray, isNotNull, lt, lte, max, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { type ReceiverDeliveryRow, receiverDeliveries, receiverEvents, receivers } from '@/lib/db/schema';
import type { Tier } from '@/lib/graph/schemas';
import { maskSecret } from '@/lib/routing/mask';
import { type ReceiversContext, receiverUrl } from './context';
import { decryptSecret } from './secret-box';
import type {
  DeliveryDetail,
  DeliveryFilters,
  DeliveryListItem,
  DeliveryOutcome,
  DeliveryPage,
  LatestNumberDelivery,
  ReceiverSummary,
} from './types';

const listColumns = {
  id: receiverDeliveries.id,
  seq: receiverDeliveries.seq,
  receivedAt: receiverDeliveries.receivedAt,
  outcome: receiverDeliveries.outcome,
  rejectReason: receiverDeliveries.rejectReason,
  signatureKey: receiverDeliveries.signatureKey,
  fields: receiverDeliveries.fields,
  phoneNumberIds: receiverDeliveries.phoneNumberIds,
  wabaIds: receiverDeliveries.wabaIds,
  eventCount: receiverDeliveries.eventCount,
  newEventCount: receiverDeliveries.newEventCount,
  bodyBytes: receiverDeliveries.bodyBytes,
  routedTier: receiverDeliveries.routedTier,
  clientCert: receiverDeliveries.clientCert,
};
type ListRow = Pick<ReceiverDeliveryRow, keyof typeof listColumns>;

function toListItem(row: ListRow): DeliveryListItem {
  return {
    ...row,
    receivedAt: row.receivedAt.toISOString(),
    rejectReason: row.rejectReason as DeliveryListItem['rejectReason'],
    signatureKey: row.signatureKey as DeliveryListItem['signatureKey'],
    routedTier: row.routedTier as Tier | null,
  };
}

export async function listReceivers(ctx: ReceiversContext): Promise<ReceiverSummary[]> {
  const rows = await ctx.db.select().from(receivers).orderBy(receivers.createdAt);
  if (rows.length === 0) return [];
  const stats = await ctx.db
    .select({
      receiverId: receiverDeliveries.receiverId,
      outcome: receiverDeliveries.outcome,
      count: sql<number>`count(*)::int`,
      last: max(receiverDeliveries.receivedAt),
    })
    .from(receiverDeliveries)
    .where(
      inArray(
        receiverDeliveries.receiverId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(receiverDeliveries.receiverId, receiverDeliveries.outcome);
  return rows.map((row) => {
    const counts: Record<DeliveryOutcome, number> = { stored: 0, duplicate: 0, rejected: 0 };
    let last: Date | null = null;
    for (const s of stats) {
      if (s.receiverId !== row.id) continue;
      counts[s.outcome] = s.count;
      if (s.last && (!last || s.last > last)) last = s.last;
    }
    return {
      id: row.id,
      name: row.name,
      url: receiverUrl(ctx.baseUrl, row.id),
      verifyTokenMasked: maskSecret(decryptSecret(ctx.keyring, row.verifyTokenEnc)) ?? '',
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
      secretRotatedAt: row.secretRotatedAt?.toISOString() ?? null,
      previousSecretValidUntil:
        row.previousSecretValidUntil && row.previousSecretValidUntil > new Date()
          ? row.previousSecretValidUntil.toISOString()
          : null,
      requireMtls: row.requireMtls,
      // Rejected rows are a bounded sample; the receiver keeps the full count.
      counts: { ...counts, rejected: Math.max(counts.rejected, row.rejectedTotal) },
      rejectedKept: counts.rejected,
      lastDeliveryAt: last ? new Date(last).toISOString() : null,
    };
  });
}

export async function getReceiver(ctx: ReceiversContext, id: string): Promise<ReceiverSummary | null> {
  return (await listReceivers(ctx)).find((r) => r.id === id) ?? null;
}

function filterConditions(receiverId: string, f: DeliveryFilters): SQL[] {
  const where: SQL[] = [eq(receiverDeliveries.receiverId, receiverId)];
  if (f.phoneNumberId) where.push(sql`${f.phoneNumberId} = any(${receiverDeliveries.phoneNumberIds})`);
  if (f.field) where.push(sql`${f.field} = any(${receiverDeliveries.fields})`);
  if (f.signature === 'valid') where.push(isNotNull(receiverDeliveries.signatureKey));
  if (f.signature === 'invalid') {
    where.push(inArray(receiverDeliveries.rejectReason, ['bad_signature', 'missing_signature']));
  }
  if (f.outcome) where.push(eq(receiverDeliveries.outcome, f.outcome));
  if (f.since) where.push(gte(receiverDeliveries.receivedAt, f.since));
  if (f.until) where.push(lte(receiverDeliveries.receivedAt, f.until));
  if (f.before) where.push(lt(receiverDeliveries.seq, f.before));
  return where;
}

/** Newest first, keyset-paged by `seq`. */
export async function listDeliveries(
  db: Db,
  receiverId: string,
  filters: DeliveryFilters,
): Promise<DeliveryPage> {
  const rows = await db
    .select(listColumns)
    .from(receiverDeliveries)
    .where(and(...filterConditions(receiverId, filters)))
    .orderBy(desc(receiverDeliveries.seq))
    .limit(filters.limit + 1);
  const items = rows.slice(0, filters.limit).map(toListItem);
  return { items, nextBefore: rows.length > filters.limit ? (items.at(-1)?.seq ?? null) : null };
}

export async function getDelivery(
  db: Db,
  receiverId: string,
  deliveryId: string,
): Promise<DeliveryDetail | null> {
  const [row] = await db
    .select()
    .from(receiverDeliveries)
    .where(and(eq(receiverDeliveries.receiverId, receiverId), eq(receiverDeliveries.id, deliveryId)))
    .limit(1);
  if (!row) return null;
  return {
    ...toListItem(row),
    headers: row.headers,
    body: row.body,
    bodyEncoding: row.bodyEncoding as DeliveryDetail['bodyEncoding'],
  };
}

/** What any managed receiver last stored for the number: the live-mode answer to "did it arrive?". */
export async function latestDeliveryForNumber(
  db: Db,
  phoneNumberId: string,
): Promise<LatestNumberDelivery | null> {
  const [row] = await db
    .select({
      receiverId: receiverEvents.receiverId,
      receiverName: receivers.name,
      deliveryId: receiverEvents.deliveryId,
      receivedAt: receiverEvents.receivedAt,
      field: receiverEvents.field,
      routedTier: receiverDeliveries.routedTier,
    })
    .from(receiverEvents)
    .innerJoin(receivers, eq(receivers.id, receiverEvents.receiverId))
    .leftJoin(receiverDeliveries, eq(receiverDeliveries.id, receiverEvents.deliveryId))
    .where(eq(receiverEvents.phoneNumberId, phoneNumberId))
    .orderBy(desc(receiverEvents.receivedAt))
    .limit(1);
  if (!row) return null;
  return { ...row, receivedAt: row.receivedAt.toISOString(), routedTier: row.routedTier as Tier | null };
}
