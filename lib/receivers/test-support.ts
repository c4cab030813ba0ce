/**
 * For Vitest only: a receivers context on a fresh in-memory database, and the hook handlers served by a
 * real HTTP server on a free port, so tests speak HTTP to the same code the route handler runs.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openTestDb } from '@/lib/testing/test-db';
import type { ReceiversContext } from './context';
import { hookHandlers } from './hook-handlers';
import { createReceiver } from './manage';
import { nodeHookRequest, sendHookAnswer } from './node-transport';
import { makeKeyring } from './secret-box';
import { signBody } from './signature';

export const ACTOR = { id: null, email: 'admin@test.local' };

export function randomKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * The request body as a web stream, as Next hands it to a route handler. Cancelling stops reading and lets
 * Node discard the rest, so the response still goes out on the same connection.
 */
function bodyStream(req: http.IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (!cancelled) controller.close();
      });
      req.on('error', (error) => {
        if (!cancelled) controller.error(error);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      cancelled = true;
      req.resume();
    },
  });
}

/**
 * `transport`: `node` serves the handlers on Node's request/response as the production server does
 * (node-transport.ts); `web` through Web Request/Response as the Next route does.
 */
export async function startReceiversTestbed(
  options: { maxBodyBytes?: number; transport?: 'node' | 'web' } = {},
) {
  const handle = await openTestDb();
  const ctx: ReceiversContext = {
    db: handle.db,
    keyring: makeKeyring(randomKey()),
    baseUrl: 'http://127.0.0.1:0',
    rotationGraceHours: 24,
  };
  const hooks = hookHandlers({ db: ctx.db, keyring: ctx.keyring, maxBodyBytes: options.maxBodyBytes });
  /** Every request the hooks were sent, as `METHOD /path?query`, oldest first. */
  const seen: string[] = [];
  const server = http.createServer(async (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const id = url.pathname.replace(/^\/api\/hooks\//, '');
    if (options.transport !== 'web') {
      const request = nodeHookRequest(req);
      const answer =
        req.method === 'GET' ? await hooks.answerGet(request, id) : await hooks.answerPost(request, id);
      sendHookAnswer(req, res, answer);
      return;
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) =>
        v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]],
      ),
      body: hasBody ? bodyStream(req) : undefined,
      duplex: 'half',
    } as RequestInit);
    const response = req.method === 'GET' ? await hooks.get(request, id) : await hooks.post(request, id);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ctx.baseUrl = origin;

  async function create(input: { name?: string; verifyToken?: string; appSecret?: string } = {}) {
    const appSecret = input.appSecret ?? randomBytes(16).toString('hex');
    const verifyToken = input.verifyToken ?? 'verify-me';
    const { id, url } = await createReceiver(
      ctx,
      { name: input.name ?? 'Test receiver', verifyToken, appSecret },
      ACTOR,
    );
    return { id, url, appSecret, verifyToken };
  }

  function post(
    id: string,
    body: string | Uint8Array,
    secret: string | null,
    headers: Record<string, string> = {},
  ) {
    return fetch(`${origin}/api/hooks/${id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret === null ? {} : { 'x-hub-signature-256': signBody(body, secret) }),
        ...headers,
      },
      body: body as BodyInit,
    });
  }

  return {
    ctx,
    origin,
    seen,
    create,
    post,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}

/** A messages payload as Meta sends it, with one inbound message per id. */
export function messagesPayload(phoneNumberId: string, messageIds: string[], wabaId = '102290129340001') {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '447700900123', phone_number_id: phoneNumberId },
              messages: messageIds.map((id) => ({
                from: '447700900999',
                id,
                timestamp: '1700000000',
                type: 'text',
                text: { body: 'hi' },
              })),
            },
          },
        ],
      },
    ],
  });
}
