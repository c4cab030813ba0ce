/**
 * The hook handlers on Node's own request and response (the production server's fast path, lib/serve):
 * headers read as Node parsed them, the body read from the socket stream up to the limit, the answer written
 * with one writeHead — no Web Request, ReadableStream or Response per delivery.
 */
import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HookAnswer, HookRequest } from './hook-handlers';
import type { BodyRead } from './read-body';

export function nodeHookRequest(req: IncomingMessage): HookRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return {
    search: query < 0 ? '' : url.slice(query),
    headers,
    readBody: (limit) => readNodeBody(req, limit),
  };
}

/**
 * Like readBodyLimited for a Web Request: a declared Content-Length over the limit is refused before
 * reading; a body that grows past it stops being read at once. Either way the rest is never read, so the
 * answer closes the connection (sendHookAnswer) rather than keep it for a sender still mid-body.
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (req.headers['content-length'] !== undefined && Number.isFinite(declared) && declared > limit) {
    return Promise.resolve({ ok: false, bytesSeen: declared });
  }
  return new Promise<BodyRead>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve({ ok: false, bytesSeen: size });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      resolve({ ok: true, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

export function sendHookAnswer(req: IncomingMessage, res: ServerResponse, answer: HookAnswer): void {
  const headers: Record<string, string | number> = {
    ...answer.headers,
    'content-length': Buffer.byteLength(answer.body),
  };
  // A body left unread (refused before or while reading) must not be drained as the next request.
  if (!req.complete) headers.connection = 'close';
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}
