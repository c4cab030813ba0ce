/**
 * A real local webhook receiver for the live verification GET that Graph (and the sandbox) performs when a
 * callback URL is set. It can echo the challenge (pass), answer a wrong one, or answer 404 (fail).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CallbackMode = 'echo' | 'wrong-challenge' | 'not-found' | 'json-quoted';

export interface CallbackServer {
  /** `http://127.0.0.1:<port>/webhook` (loopback http is accepted by the sandbox). */
  url: string;
  /** The `hub.*` query of every verification GET received. */
  checks: URLSearchParams[];
  close(): Promise<void>;
}

export async function startCallbackServer(
  mode: CallbackMode,
  expectedVerifyToken?: string,
): Promise<CallbackServer> {
  const checks: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://local').searchParams;
    checks.push(query);
    const challenge = query.get('hub.challenge') ?? '';
    const tokenOk =
      expectedVerifyToken === undefined || query.get('hub.verify_token') === expectedVerifyToken;
    if (mode === 'not-found' || !tokenOk) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    } else if (mode === 'wrong-challenge') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('not-the-challenge');
    } else if (mode === 'json-quoted') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(challenge));
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(challenge);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    checks,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
