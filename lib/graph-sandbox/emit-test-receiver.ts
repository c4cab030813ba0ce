/**
 * For tests of webhook emission: a local receiver on a free port that answers Meta's handshake (verify token
 * `emit-test-token`) on every path and records every POST with its raw body. `script(path, statuses)` sets
 * the statuses the next POSTs to a path get (then 200); `delay(path, ms)` holds answers to a path.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const EMIT_TEST_TOKEN = 'emit-test-token';

export interface ReceivedPost {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export async function startEmitTestReceiver() {
  const posts: ReceivedPost[] = [];
  const scripts = new Map<string, number[]>();
  const delays = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.verify_token') === EMIT_TEST_TOKEN;
      res.writeHead(ok ? 200 : 403).end(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'no');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({ path: url.pathname, headers: req.headers, body: Buffer.concat(chunks) });
      const status = scripts.get(url.pathname)?.shift() ?? 200;
      const answer = () => {
        if (!res.destroyed) res.writeHead(status).end(status === 200 ? 'EVENT_RECEIVED' : 'nope');
      };
      const delay = delays.get(url.pathname) ?? 0;
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path: string) => `${origin}${path}`,
    posts,
    postsTo: (path: string) => posts.filter((p) => p.path === path),
    script: (path: string, statuses: number[]) => scripts.set(path, [...statuses]),
    delay: (path: string, ms: number) => delays.set(path, ms),
    clear: () => {
      posts.length = 0;
      scripts.clear();
      delays.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
