/**
 * Signed-in page load for bench:pages: real next-auth credential sign-ins against the running server, then
 * closed-loop viewers (each waits for its page before asking for the next), bounded by time and by count.
 */
import http from 'node:http';
import { percentile } from './hook-load';

/** Signs in through next-auth's own endpoints, as the sign-in form does; returns the Cookie header to send. */
export async function signInSession(appUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${appUrl}/`, json: 'true' }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find(
      (c) => c.startsWith('next-auth.session-token=') || c.startsWith('__Secure-next-auth.session-token='),
    );
  if (!session) throw new Error(`Sign-in as ${email} gave no session cookie (HTTP ${res.status})`);
  return session;
}

export interface PageTarget {
  name: string;
  path: string;
  /** Text the signed-in page must contain (so a redirect to sign-in or an error page is not counted as a page). */
  expect: string;
}

export interface PageStats {
  count: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function get(url: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers: { cookie }, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, body: '' }));
  });
}

/**
 * `viewers` loops, each with its own session, loading the targets in turn for `seconds` (and at most
 * `maxPerViewer` pages each). Returns per-target latencies and the pages/s over the whole run.
 */
export async function runViewers(options: {
  appUrl: string;
  cookies: readonly string[];
  targets: readonly PageTarget[];
  viewers: number;
  seconds: number;
  maxPerViewer?: number;
}): Promise<{ pagesPerSecond: number; elapsedSeconds: number; stats: Record<string, PageStats> }> {
  const latencies = new Map<string, number[]>(options.targets.map((t) => [t.name, []]));
  const errors = new Map<string, number>(options.targets.map((t) => [t.name, 0]));
  const start = performance.now();
  const deadline = start + options.seconds * 1000;
  const maxPerViewer = options.maxPerViewer ?? 10_000;
  let pages = 0;
  const viewer = async (index: number) => {
    const cookie = options.cookies[index % options.cookies.length] as string;
    for (let i = 0; i < maxPerViewer && performance.now() < deadline; i++) {
      const target = options.targets[(index + i) % options.targets.length] as PageTarget;
      const t0 = performance.now();
      const res = await get(`${options.appUrl}${target.path}`, cookie);
      const ms = performance.now() - t0;
      pages += 1;
      if (res.status === 200 && res.body.includes(target.expect)) latencies.get(target.name)?.push(ms);
      else errors.set(target.name, (errors.get(target.name) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: options.viewers }, (_, i) => viewer(i)));
  const elapsedSeconds = (performance.now() - start) / 1000;
  const stats: Record<string, PageStats> = {};
  for (const target of options.targets) {
    const sorted = (latencies.get(target.name) ?? []).sort((a, b) => a - b);
    stats[target.name] = {
      count: sorted.length,
      errors: errors.get(target.name) ?? 0,
      p50Ms: Math.round(percentile(sorted, 0.5)),
      p95Ms: Math.round(percentile(sorted, 0.95)),
      p99Ms: Math.round(percentile(sorted, 0.99)),
      maxMs: Math.round(sorted.at(-1) ?? 0),
    };
  }
  return { pagesPerSecond: Math.round((pages / elapsedSeconds) * 10) / 10, elapsedSeconds, stats };
}

export function closeViewers(): void {
  agent.destroy();
}
