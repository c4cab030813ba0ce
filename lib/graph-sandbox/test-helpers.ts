import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sandboxClient } from './client';
import { type RunningSandbox, type SandboxOptions, startSandbox } from './server';

export interface GraphCallOptions {
  method?: string;
  token?: string | null;
  /** Where the token goes: the Authorization header (default), the query string or a form field. */
  tokenIn?: 'header' | 'query' | 'form';
  json?: unknown;
  form?: Record<string, string>;
}

export interface GraphResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** A sandbox on a free port plus a tiny raw-fetch client, for tests that speak HTTP to it. */
export async function startTestSandbox(options: SandboxOptions = {}) {
  const sandbox: RunningSandbox = await startSandbox({ port: 0, ...options });
  const defaultToken = sandbox.fixture.apps[0]?.accessToken ?? '';

  async function graph<T = Record<string, unknown>>(path: string, options: GraphCallOptions = {}) {
    const token = options.token === undefined ? defaultToken : options.token;
    const tokenIn = options.tokenIn ?? 'header';
    const url = new URL(path.startsWith('http') ? path : `${sandbox.url}${path}`);
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (token && tokenIn === 'header') headers.authorization = `Bearer ${token}`;
    if (token && tokenIn === 'query') url.searchParams.set('access_token', token);
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form || tokenIn === 'form') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const form = new URLSearchParams(options.form);
      if (token && tokenIn === 'form') form.set('access_token', token);
      body = form.toString();
    }
    const method = options.method ?? (body ? 'POST' : 'GET');
    const response = await fetch(url, { method, headers, body });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  }

  const client = sandboxClient(sandbox.url);

  return {
    sandbox,
    fixture: sandbox.fixture,
    graph,
    /** The typed control client; `control` is its unchecked form, for tests of the control surface. */
    client,
    control: client.raw,
    reset: () => client.reset(),
  };
}

export interface VerificationServer {
  url: string;
  /** Every request URL (path + query) the server received, oldest first. */
  requests: string[];
  close(): Promise<void>;
}

export const GOOD_TOKEN = 'good token+/?';

/**
 * A real local receiver for the live verification GET. Paths: /echo (echoes the challenge when the
 * verify token is GOOD_TOKEN, else 403), /wrong (wrong body), /quoted (JSON-quoted challenge),
 * /missing (404), /redirect (302 to /echo), /slow (never answers).
 */
export async function startVerificationServer(): Promise<VerificationServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const challenge = url.searchParams.get('hub.challenge') ?? '';
    const tokenOk = url.searchParams.get('hub.verify_token') === GOOD_TOKEN;
    switch (url.pathname) {
      case '/echo':
        res.writeHead(tokenOk ? 200 : 403).end(tokenOk ? challenge : 'bad token');
        return;
      case '/wrong':
        res.writeHead(200).end('hello');
        return;
      case '/quoted':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(challenge));
        return;
      case '/redirect':
        res.writeHead(302, { location: `/echo${url.search}` }).end();
        return;
      case '/slow':
        return;
      default:
        res.writeHead(404).end('nope');
    }
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
