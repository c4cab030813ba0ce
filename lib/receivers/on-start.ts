/** Receivers' share of server start-up (registered in lib/server-start.ts): the delivery retention job. */
import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { logger } from '@/lib/log';
import { pruneDeliveries } from './retention';

const EVERY_MS = 60 * 60_000;

async function pruneOnce(): Promise<void> {
  try {
    const pruned = await pruneDeliveries(await getDb(), getConfig().DELIVERY_RETENTION_DAYS);
    if (pruned.deliveries > 0 || pruned.events > 0) logger.info(pruned, 'old receiver deliveries deleted');
  } catch (error) {
    // A failed prune only delays the next one; it must not stop the server.
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'delivery retention failed');
  }
}

export async function startReceivers(): Promise<void> {
  await pruneOnce();
  setInterval(() => void pruneOnce(), EVERY_MS).unref();
}
