/**
 * The decrypted verify token and app secrets of a receiver, cached briefly in memory so the hot path does
 * not hit the database or decrypt on every delivery. Management actions invalidate the entry; the TTL bounds
 * staleness when several instances share one database. The cache is a process singleton because route handlers
 * and server actions are bundled separately and must see the same invalidations.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { receivers } from '@/lib/db/schema';
import { processSingleton } from '@/lib/server/process-singleton';
import { decryptSecret, encryptSecret, isStale, type Keyring } from './secret-box';
import type { CandidateSecret } from './signature';
import type { SignatureKey } from './store-deliveries';

export interface ReceiverKeys {
  id: string;
  verifyToken: string;
  appSecret: string;
  previousAppSecret: string | null;
  previousValidUntil: Date | null;
  /** Deliveries without a valid client certificate are refused (mTLS). */
  requireMtls: boolean;
}

const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  /** A promise, so concurrent misses for one receiver share a single database read. */
  value: Promise<ReceiverKeys | null>;
  expires: number;
}

function cache(): Map<string, Entry> {
  return processSingleton('receivers.keys', () => new Map<string, Entry>());
}

export function invalidateReceiverKeys(id: string): void {
  cache().delete(id);
}

/** The secrets a signature may be made with right now: the current one, and the previous one in its grace period. */
export function candidateSecrets(keys: ReceiverKeys, now: Date): CandidateSecret<SignatureKey>[] {
  const list: CandidateSecret<SignatureKey>[] = [{ label: 'current', secret: keys.appSecret }];
  if (keys.previousAppSecret && keys.previousValidUntil && now < keys.previousValidUntil) {
    list.push({ label: 'previous', secret: keys.previousAppSecret });
  }
  return list;
}

/** Reads and decrypts one receiver, re-encrypting values still under a previous SECRETS_KEY. */
export async function loadReceiverKeys(db: Db, keyring: Keyring, id: string): Promise<ReceiverKeys | null> {
  const [row] = await db.select().from(receivers).where(eq(receivers.id, id)).limit(1);
  if (!row) return null;
  const stale = [row.verifyTokenEnc, row.appSecretEnc, row.previousAppSecretEnc].some(
    (value) => value !== null && isStale(keyring, value),
  );
  const keys: ReceiverKeys = {
    id: row.id,
    verifyToken: decryptSecret(keyring, row.verifyTokenEnc),
    appSecret: decryptSecret(keyring, row.appSecretEnc),
    previousAppSecret: row.previousAppSecretEnc ? decryptSecret(keyring, row.previousAppSecretEnc) : null,
    previousValidUntil: row.previousSecretValidUntil,
    requireMtls: row.requireMtls,
  };
  if (stale) {
    await db
      .update(receivers)
      .set({
        verifyTokenEnc: encryptSecret(keyring, keys.verifyToken),
        appSecretEnc: encryptSecret(keyring, keys.appSecret),
        previousAppSecretEnc: keys.previousAppSecret ? encryptSecret(keyring, keys.previousAppSecret) : null,
      })
      .where(eq(receivers.id, id));
  }
  return keys;
}

export function getReceiverKeys(db: Db, keyring: Keyring, id: string): Promise<ReceiverKeys | null> {
  const entries = cache();
  const now = Date.now();
  const hit = entries.get(id);
  if (hit && hit.expires > now) return hit.value;
  const value = loadReceiverKeys(db, keyring, id);
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const entry = { value, expires: now + TTL_MS };
  entries.set(id, entry);
  // A failed read is not cached: the next delivery tries again.
  value.catch(() => {
    if (entries.get(id) === entry) entries.delete(id);
  });
  return value;
}
