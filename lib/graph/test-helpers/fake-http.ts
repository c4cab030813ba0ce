/**
 * A scripted local HTTP server for unit tests of the request function: each request is answered by the
 * next scripted reply (the last one repeats). Used for behaviour the sandbox cannot produce on demand
 * (long rate-limit waits, non-JSON bodies, redirects, hangs); everything else is tested against the sandbox.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { createGraphRequester, type RequesterOptions } from '../request';

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  /** Wait this long before answering (to trigger client timeouts). */
  delayMs?: number;
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeHttp {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startFakeHttp(script: ScriptedReply[]): Promise<FakeHttp> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    const reply = script[Math.min(requests.length - 1, script.length - 1)] ?? {};
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function graphErrorReply(
  code: number,
  message: string,
  status = 400,
  headers?: Record<string, string>,
) {
  return {
    status,
    headers,
    body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123' } },
  } satisfies ScriptedReply;
}

export const FAKE_TOKEN = 'EAAGtestTOKENvalue123';

/**
 * Per-test scripted server + requester: call the returned function inside a test; the server is closed
 * after each test. Retry waits are tiny and jitter is fixed (random = 1) so timings are predictable.
 */
export function fakeGraphPerTest() {
  let fake: FakeHttp | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  return async (script: ScriptedReply[], opts: Partial<RequesterOptions> = {}) => {
    fake = await startFakeHttp(script);
    const http = createGraphRequester({
      baseUrl: fake.url,
      version: 'v23.0',
      accessToken: FAKE_TOKEN,
      retryBaseDelayMs: 10,
      maxRetryDelayMs: 2_000,
      random: () => 1,
      ...opts,
    });
    return { http, fake };
  };
}
