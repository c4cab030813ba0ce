/**
 * What `/api/hooks/<receiverId>` does, independent of Next so tests can serve it from a plain HTTP server:
 *   GET   Meta's verification handshake.
 *   POST  a valid client certificate when the receiver requires mTLS (else 403, recorded as rejected) →
 *         raw body (≤ 3 MB, else 413) → signature over those bytes (else 401, recorded as rejected) →
 *         events of every entry and change → stored or recognised as a duplicate in a group-committed
 *         transaction → only then 200. A storage failure answers 500, so Meta retries.
 */
import { plainResponseHeaders } from '@/lib/auth/security-headers';
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { TIERS, type Tier } from '@/lib/graph/schemas';
import { processSingleton } from '@/lib/server/process-singleton';
import { type ClientCertPolicy, type ClientTransport, clientCertState } from './client-cert';
import { isReceiverId } from './context';
import { GroupCommit } from './group-commit';
import { answerHandshake } from './handshake';
import { parseDelivery } from './payload';
import { type BodyRead, MAX_BODY_BYTES, readBodyLimited } from './read-body';
import { candidateSecrets, getReceiverKeys } from './receiver-keys';
import type { Keyring } from './secret-box';
import { matchSignature, SIGNATURE_HEADER } from './signature';
import { type DeliveryRecord, type StoreResult, storeDeliveries } from './store-deliveries';

export interface HookDeps {
  db: Db;
  /** How many batches may be written at once (default 1); the first caller's value for a database wins. */
  writeConcurrency?: number;
  keyring: Keyring;
  maxBodyBytes?: number;
  /** The app's public URL (NEXTAUTH_URL): https adds Strict-Transport-Security. */
  publicUrl?: string;
  /** How to tell a valid client certificate (mTLS); unset = no terminator header is believed. */
  clientCert?: ClientCertPolicy;
}

const NO_TERMINATOR: ClientCertPolicy = { trustedProxies: [] };

/** Sent by the Graph sandbox with each emitted delivery; Meta sends nothing like it. */
export const ROUTING_TIER_HEADER = 'x-sandbox-routing-tier';
/** Tells a sender (and the benchmark) whether the 200 stored new events or recognised a duplicate. */
export const DELIVERY_OUTCOME_HEADER = 'x-switchboard-delivery';

const DROPPED_HEADERS = new Set(['cookie', 'authorization', 'proxy-authorization']);
const MAX_HEADER_VALUE = 2048;

/** One group-commit writer per database handle, shared by every copy of this module in the process. */
function writerFor(db: Db, concurrency = 1): GroupCommit<DeliveryRecord, StoreResult> {
  const writers = processSingleton(
    'receivers.writers',
    () => new WeakMap<Db, GroupCommit<DeliveryRecord, StoreResult>>(),
  );
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit({ flush: (records) => storeDeliveries(db, records), concurrency });
    writers.set(db, writer);
  }
  return writer;
}

/**
 * A request as the handlers read it, whichever server carried it: a Web `Request` inside Next
 * (`fromWebRequest`), Node's own IncomingMessage on the production fast path (`node-transport.ts`), which
 * skips building a Request, a web stream and a Response for every delivery (measured: about a quarter of
 * the server's CPU under load went to those).
 */
export interface HookRequest {
  /** The query string with its `?`, or ''. */
  search: string;
  /** Lower-case names; a repeated header is joined with ', ' as Fetch's Headers does. */
  headers: Readonly<Record<string, string>>;
  /** The body, refused past `limit` bytes without holding more than that (read-body.ts). */
  readBody(limit: number): Promise<BodyRead>;
}

export interface HookAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export function fromWebRequest(request: Request): HookRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    search: new URL(request.url).search,
    headers,
    readBody: (limit) => readBodyLimited(request, limit),
  };
}

export function toWebResponse(answer: HookAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

function text(status: number, body: string, headers: Record<string, string> = {}): HookAnswer {
  return {
    status,
    body,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  };
}

function keptHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name in headers) {
    if (!DROPPED_HEADERS.has(name)) kept[name] = (headers[name] as string).slice(0, MAX_HEADER_VALUE);
  }
  return kept;
}

function routedTier(headers: Readonly<Record<string, string>>): Tier | null {
  const value = headers[ROUTING_TIER_HEADER];
  return (TIERS as readonly string[]).includes(value ?? '') ? (value as Tier) : null;
}

/** A rejection is answered the same whether or not it could be recorded. */
async function recordRejection(writer: GroupCommit<DeliveryRecord, StoreResult>, record: DeliveryRecord) {
  await writer.submit(record).catch(() => undefined);
}

export function hookHandlers(deps: HookDeps) {
  const limit = deps.maxBodyBytes ?? MAX_BODY_BYTES;

  async function get(request: HookRequest, receiverId: string): Promise<HookAnswer> {
    if (!isReceiverId(receiverId)) return text(404, 'Not Found');
    const keys = await getReceiverKeys(deps.db, deps.keyring, receiverId);
    if (!keys) return text(404, 'Not Found');
    const answer = answerHandshake(request.search, keys.verifyToken);
    return text(answer.status, answer.body);
  }

  /** `transport`: what the socket says (peer address, client certificate); the Next route has none. */
  async function post(
    request: HookRequest,
    receiverId: string,
    transport?: ClientTransport,
  ): Promise<HookAnswer> {
    if (!isReceiverId(receiverId)) return text(404, 'Not Found');
    const keys = await getReceiverKeys(deps.db, deps.keyring, receiverId);
    if (!keys) return text(404, 'Not Found');
    const receivedAt = new Date();
    const clientCert = clientCertState(transport, request.headers, deps.clientCert ?? NO_TERMINATOR);
    const base = {
      id: randomUUID(),
      receiverId,
      receivedAt,
      headers: keptHeaders(request.headers),
      clientCert,
    };
    const writer = writerFor(deps.db, deps.writeConcurrency);

    if (keys.requireMtls && clientCert !== 'valid') {
      // Refused before the body is read: it comes from a sender that did not prove to be Meta.
      const declared = Number(request.headers['content-length']);
      const bodyBytes = Number.isSafeInteger(declared) && declared >= 0 ? declared : 0;
      await recordRejection(writer, { ...base, bodyBytes, rejectReason: 'client_certificate' });
      return text(403, 'A valid client certificate is required');
    }

    const read = await request.readBody(limit);
    if (!read.ok) {
      await recordRejection(writer, { ...base, bodyBytes: read.bytesSeen, rejectReason: 'too_large' });
      return text(413, 'Payload Too Large');
    }
    const signature = request.headers[SIGNATURE_HEADER] ?? null;
    const signatureKey = matchSignature(signature, read.body, candidateSecrets(keys, receivedAt));
    if (!signatureKey) {
      const rejectReason = signature ? 'bad_signature' : 'missing_signature';
      await recordRejection(writer, { ...base, bodyBytes: read.body.byteLength, rejectReason });
      return text(401, 'Invalid signature');
    }
    const record: DeliveryRecord = {
      ...base,
      bodyBytes: read.body.byteLength,
      accepted: {
        body: read.body,
        parsed: parseDelivery(read.body),
        signatureKey,
        routedTier: routedTier(request.headers),
      },
    };
    try {
      const result = await writer.submit(record);
      return text(200, 'EVENT_RECEIVED', { [DELIVERY_OUTCOME_HEADER]: result.outcome });
    } catch {
      return text(500, 'Could not store the delivery; retry later');
    }
  }

  // The webhook fast path (lib/serve) bypasses Next and next.config.mjs's headers: every answer gets them here.
  const secure = plainResponseHeaders(deps.publicUrl);
  const secured = (answer: HookAnswer): HookAnswer => ({
    ...answer,
    headers: { ...answer.headers, ...secure },
  });
  return {
    /** For any server: the answer as data (lib/serve writes it to Node's response directly). */
    answerGet: async (request: HookRequest, receiverId: string) => secured(await get(request, receiverId)),
    answerPost: async (request: HookRequest, receiverId: string, transport?: ClientTransport) =>
      secured(await post(request, receiverId, transport)),
    /** For Next's route handler. */
    get: async (request: Request, receiverId: string) =>
      toWebResponse(secured(await get(fromWebRequest(request), receiverId))),
    post: async (request: Request, receiverId: string, transport?: ClientTransport) =>
      toWebResponse(secured(await post(fromWebRequest(request), receiverId, transport))),
  };
}
