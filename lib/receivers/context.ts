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
}

export { isReceiverId } from '@/lib/routing/validation';

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
  };
}
