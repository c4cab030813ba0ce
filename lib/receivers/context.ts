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
}

const RECEIVER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Receiver ids are UUIDs; anything else is not worth a database round trip. */
export function isReceiverId(value: string): boolean {
  return RECEIVER_ID.test(value);
}

export function receiverUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/hooks/${id}`;
}
