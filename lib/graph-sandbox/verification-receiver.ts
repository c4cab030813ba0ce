/**
 * A real local webhook receiver for the live verification GET that Graph (and the sandbox) performs when a
 * callback URL is set, for tests of every layer (the sandbox, the Graph client, the routing services, the
 * browser suite). The path picks the behaviour, the good way or one of the classic broken ones:
 *   /echo      200 + the exact challenge when the verify token matches (any token when none is set), else 403
 *   /wrong     200 + another body          /quoted   200 + the challenge JSON-quoted
 *   /newline   200 + challenge + "\n"      /big      200 + 8 KB
 *   /auth      401 with an auth wall page  /private  401 + "unauthorized"
 *   /redirect  302 to /echo                /hang, /slow  never answer
 *   anything else 404
 * Every request is recorded (path with query, oldest first), so a test can tell whether a check was made.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const VERIFICATION_PATHS = [
  'echo',
  'wrong',
  'quoted',
  'newline',
  'big',
  'auth',
  'private',
  'redirect',
  'hang',
  'slow',
  'missing',
] as const;
export type VerificationPath = (typeof VERIFICATION_PATHS)[number];

/** Bodies the broken paths answer; tests check that none of them reaches a user or a log. */
export const RECEIVER_BODIES = {
  wrong: 'OK',
  badToken: 'forbidden',
  auth: 'secret-page-content',
  notFound: 'not here',
} as const;

export interface VerificationReceiver {
  /** `http://127.0.0.1:<port>` (loopback http is accepted by the sandbox). */
  url: string;
  /** The URL of one behaviour, e.g. `urlOf('echo')`. */
  urlOf(path: VerificationPath): string;
  /** Every request's path and query, oldest first. */
  requests: string[];
  close(): Promise<void>;
}

/** `verifyToken`: the token /echo accepts; undefined accepts any. */
export async function startVerificationReceiver(
  options: { verifyToken?: string } = {},
): Promise<VerificationReceiver> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://receiver.local');
    const challenge = url.searchParams.get('hub.challenge') ?? '';
    const tokenOk =
      options.verifyToken === undefined || url.searchParams.get('hub.verify_token') === options.verifyToken;
    const text = (status: number, body: string, headers: http.OutgoingHttpHeaders = {}) =>
      res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body);
    switch (url.pathname) {
      case '/echo':
        return tokenOk ? text(200, challenge) : text(403, RECEIVER_BODIES.badToken);
      case '/wrong':
        return text(200, RECEIVER_BODIES.wrong);
      case '/quoted':
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(challenge));
      case '/newline':
        return text(200, `${challenge}\n`);
      case '/big':
        return text(200, 'x'.repeat(8_192));
      case '/auth':
        return text(401, RECEIVER_BODIES.auth, { 'www-authenticate': 'Basic' });
      case '/private':
        return text(401, 'unauthorized');
      case '/redirect':
        return res.writeHead(302, { location: `/echo${url.search}` }).end();
      case '/hang':
      case '/slow':
        return;
      default:
        return text(404, RECEIVER_BODIES.notFound);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    urlOf: (path) => `${origin}/${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
