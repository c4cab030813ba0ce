/**
 * What receiver services need, built once from configuration; tests build their own with a memory database.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { type Db, getDb } from '@/lib/db/client';
import { getKeyring } from './keyring';
import type { Keyring } from './secret-box';

export interface ReceiversContext {
  db: Db;
  keyring: Keyring;
  /** Origin the receivers are reachable at (`<origin>/api/hooks/<id>`). */
  baseUrl: string;
  /** How long a rotated-out app secret still verifies signatures. */
  rotationGraceHours: number;
  /** How long deliveries are kept (DELIVERY_RETENTION_DAYS); shown on the receiver page. */
  retentionDays?: number;
}

const RECEIVER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Receiver ids are UUIDs; anything else is not worth a database round trip. */
export function isReceiverId(value: string): boolean {
  return RECEIVER_ID.test(value);
}

export function receiverUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/hooks/${id}`;
}

export async function getReceiversContext(): Promise<ReceiversContext> {
  const config = getConfig();
  return {
    db: await getDb(),
    keyring: getKeyring(),
    baseUrl: config.RECEIVER_BASE_URL ?? config.NEXTAUTH_URL ?? `http://127.0.0.1:${config.PORT}`,
    rotationGraceHours: config.RECEIVER_ROTATION_GRACE_HOURS,
    retentionDays: config.DELIVERY_RETENTION_DAYS,
  };
}
