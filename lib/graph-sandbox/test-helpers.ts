import { sandboxClient } from './client';
import { type RunningSandbox, type SandboxOptions, startSandbox } from './server';
import { startVerificationReceiver, type VerificationReceiver } from './verification-receiver';

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

export type VerificationServer = VerificationReceiver;

export const GOOD_TOKEN = 'good token+/?';

/** The shared verification receiver (./verification-receiver.ts), accepting GOOD_TOKEN on /echo. */
export function startVerificationServer(): Promise<VerificationServer> {
  return startVerificationReceiver({ verifyToken: GOOD_TOKEN });
}
