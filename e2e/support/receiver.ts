/**
 * A real local webhook receiver for browser tests: answers Meta's verification GET the way a correct
 * receiver would, or in one of the classic broken ways, depending on the path.
 *   /echo      200 + the exact challenge when the verify token matches, 403 otherwise
 *   /wrong     200 + a different challenge
 *   /quoted    200 + the challenge JSON-quoted
 *   /missing   404
 *   /private   401 (an auth wall in front of the receiver)
 */
import { createServer, type Server } from 'node:http';

export interface TestReceiver {
  url(path: 'echo' | 'wrong' | 'quoted' | 'missing' | 'private'): string;
  verifyToken: string;
  /** Verification GETs received, newest last. */
  hits: { path: string; mode: string | null; tokenMatched: boolean }[];
  close(): Promise<void>;
}

export async function startTestReceiver(verifyToken = 'e2e-verify-token'): Promise<TestReceiver> {
  const hits: TestReceiver['hits'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const challenge = url.searchParams.get('hub.challenge') ?? '';
    const tokenMatched = url.searchParams.get('hub.verify_token') === verifyToken;
    hits.push({ path: url.pathname, mode: url.searchParams.get('hub.mode'), tokenMatched });
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(body);
    };
    switch (url.pathname) {
      case '/echo':
        return tokenMatched ? send(200, challenge) : send(403, 'forbidden');
      case '/wrong':
        return send(200, `${challenge}0`);
      case '/quoted':
        return send(200, JSON.stringify(challenge));
      case '/private':
        return send(401, 'unauthorized');
      default:
        return send(404, 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}/${path}`,
    verifyToken,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
