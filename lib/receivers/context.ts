/**
 * What receiver services need; the app's is built in lib/server, tests build their own with a memory database.
 */
import 'server-only';
import type { Db } from '@/lib/db/client';
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

export { isReceiverId } from '@/lib/routing/validation';

export function receiverUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/hooks/${id}`;
}
