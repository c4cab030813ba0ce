/**
 * A scripted local HTTP server for unit tests of the request function: each request is answered by the
 * next scripted reply (the last one repeats). Used for behaviour the sandbox cannot produce on demand
 * (long rate-limit waits, non-JSON bodies, redirects, hangs); everything else is tested against the sandbox.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
