/**
 * Reads a webhook body into the events it carries — every entry and every change, not just `[0]`
 * (docs/graph-facts.md §7) — and the dedupe key of each. Meta retries a delivery until it gets a 200, to every
 * subscribed app, so the same event arrives more than once; the key is what makes the second one a duplicate:
 *   messages   `<field>:message:<wamid>`
 *   statuses   `<field>:status:<wamid>:<status>` (sent, delivered and read share the message id)
 *   other      `<field>:change:<hash of entry id, time and value>` (e.g. account_update)
 * A body that is not a WhatsApp payload gets one key from the hash of its bytes.
 */
import { createHash } from 'node:crypto';

export interface DeliveryEvent {
  key: string;
  field: string;
  phoneNumberId: string | null;
}

export interface ParsedDelivery {
  events: DeliveryEvent[];
  fields: string[];
  phoneNumberIds: string[];
  wabaIds: string[];
}

/** Beyond this a body is deduplicated as a whole, to bound the work one request can cause. */
export const MAX_EVENTS_PER_DELIVERY = 2000;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asId = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;

function hash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\u0000');
  return h.digest('base64url').slice(0, 32);
}

function changeEvents(entry: Json, change: Json): DeliveryEvent[] {
  const field = typeof change.field === 'string' && change.field ? change.field : 'unknown';
  const value = isObject(change.value) ? change.value : {};
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const phoneNumberId = asId(metadata.phone_number_id);
  const events: DeliveryEvent[] = [];
  for (const message of asArray(value.messages)) {
    const id = isObject(message) ? asId(message.id) : null;
    if (id) events.push({ key: `${field}:message:${id}`, field, phoneNumberId });
  }
  for (const status of asArray(value.statuses)) {
    const id = isObject(status) ? asId(status.id) : null;
    const state = isObject(status) && typeof status.status === 'string' ? status.status : '';
    if (id) events.push({ key: `${field}:status:${id}:${state}`, field, phoneNumberId });
  }
  if (events.length === 0) {
    const key = hash(String(asId(entry.id)), String(entry.time ?? ''), JSON.stringify(change.value ?? null));
    events.push({ key: `${field}:change:${key}`, field, phoneNumberId });
  }
  return events;
}

function wholeBody(raw: Uint8Array): DeliveryEvent {
  return {
    key: `raw:${createHash('sha256').update(raw).digest('base64url')}`,
    field: 'unknown',
    phoneNumberId: null,
  };
}

export function parseDelivery(raw: Uint8Array): ParsedDelivery {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
  } catch {
    body = undefined;
  }
  const entries = isObject(body) ? asArray(body.entry).filter(isObject) : [];
  const wabaIds = new Set<string>();
  const found: DeliveryEvent[] = [];
  for (const entry of entries) {
    const id = asId(entry.id);
    if (id) wabaIds.add(id);
    for (const change of asArray(entry.changes)) {
      if (isObject(change)) found.push(...changeEvents(entry, change));
    }
  }
  // A key repeated inside one body (Meta does not, but a sender might) is one event.
  const unique = [...new Map(found.map((e) => [e.key, e])).values()];
  const dedupeByBody = unique.length === 0 || unique.length > MAX_EVENTS_PER_DELIVERY;
  return {
    events: dedupeByBody ? [wholeBody(raw)] : unique,
    fields: [...new Set(unique.map((e) => e.field))],
    phoneNumberIds: [...new Set(unique.flatMap((e) => (e.phoneNumberId ? [e.phoneNumberId] : [])))],
    wabaIds: [...wabaIds],
  };
}
