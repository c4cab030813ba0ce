/**
 * Deliveries are kept DELIVERY_RETENTION_DAYS (default 30): payloads carry customers' messages and a busy
 * receiver would otherwise grow without bound. Events go with them; a retry older than the retention period
 * (Meta retries for at most a few days) would be stored again, which is the right failure for that case.
 */
import 'server-only';
import { lt } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { receiverDeliveries, receiverEvents } from '@/lib/db/schema';

const DAY_MS = 24 * 60 * 60_000;

export async function pruneDeliveries(
  db: Db,
  retentionDays: number,
  now = new Date(),
): Promise<{ deliveries: number; events: number }> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  const deliveries = await db
    .delete(receiverDeliveries)
    .where(lt(receiverDeliveries.receivedAt, before))
    .returning({ id: receiverDeliveries.id });
  const events = await db
    .delete(receiverEvents)
    .where(lt(receiverEvents.receivedAt, before))
    .returning({ key: receiverEvents.eventKey });
  return { deliveries: deliveries.length, events: events.length };
}
