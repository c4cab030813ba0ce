/**
 * Creates a receiver directly in an embedded database before the app starts (PGlite allows one process per
 * data directory), and reads the ledger back after the app has stopped. For the receiver benchmark and the
 * crash test; run under `tsx --conditions=react-server` so the app's server-only modules load.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { openDb } from '../../lib/db/client';
import { receiverDeliveries, receiverEvents, receivers } from '../../lib/db/schema';
import { createReceiver } from '../../lib/receivers/manage';
import { makeKeyring } from '../../lib/receivers/secret-box';

export interface SeededReceiver {
  id: string;
  appSecret: string;
  verifyToken: string;
}

/** `databaseUrl`: PostgreSQL instead of the embedded database in `dataDir`. */
export async function seedReceiver(
  dataDir: string,
  secretsKey: string,
  databaseUrl?: string,
): Promise<SeededReceiver> {
  const handle = await openDb({ dataDir, databaseUrl });
  try {
    const appSecret = randomBytes(16).toString('hex');
    const verifyToken = randomBytes(12).toString('base64url');
    const ctx = {
      db: handle.db,
      keyring: makeKeyring(secretsKey),
      baseUrl: 'http://127.0.0.1',
      rotationGraceHours: 24,
    };
    const { id } = await createReceiver(
      ctx,
      { name: 'Benchmark receiver', verifyToken, appSecret },
      { id: null, email: 'bench@switchboard.local' },
    );
    return { id, appSecret, verifyToken };
  } finally {
    await handle.close();
  }
}

export interface Ledger {
  stored: number;
  duplicates: number;
  rejected: number;
  /** Event keys the receiver holds (to check that every acknowledged message is there). */
  eventKeys: Set<string>;
}

export async function readLedger(dataDir: string, receiverId: string, databaseUrl?: string): Promise<Ledger> {
  const handle = await openDb({ dataDir, databaseUrl });
  try {
    const rows = await handle.db
      .select({ outcome: receiverDeliveries.outcome, count: sql<number>`count(*)::int` })
      .from(receiverDeliveries)
      .where(eq(receiverDeliveries.receiverId, receiverId))
      .groupBy(receiverDeliveries.outcome);
    const count = (o: string) => rows.find((r) => r.outcome === o)?.count ?? 0;
    // Only the latest rejections are kept as rows; the receiver counts all of them.
    const [receiver] = await handle.db
      .select({ rejectedTotal: receivers.rejectedTotal })
      .from(receivers)
      .where(eq(receivers.id, receiverId));
    const events = await handle.db
      .select({ key: receiverEvents.eventKey })
      .from(receiverEvents)
      .where(eq(receiverEvents.receiverId, receiverId));
    return {
      stored: count('stored'),
      duplicates: count('duplicate'),
      rejected: Math.max(count('rejected'), receiver?.rejectedTotal ?? 0),
      eventKeys: new Set(events.map((e) => e.key)),
    };
  } finally {
    await handle.close();
  }
}
