/**
 * Test harness for the routing services: a real Graph sandbox on a free port, the real Graph client, a memory
 * database, and a local receiver that answers the verification GET in good and bad ways. Tests only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, gt, max } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { callbackChecks, changeLog } from '@/lib/db/schema';
import { createGraphClient } from '@/lib/graph/client';
import { type FaultConfig, sandboxClient } from '@/lib/graph-sandbox/client';
import { type SandboxOptions, startSandbox } from '@/lib/graph-sandbox/server';
import { openTestDb } from '@/lib/testing/test-db';
import type { RoutingContext } from './context';
import { FleetCache } from './fleet-cache';

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  preflightTimeoutMs?: number;
  businesses?: 'all' | 'first';
  /** Reuse another harness's database: opening PGlite costs seconds on a busy machine. */
  db?: Db;
}

export async function startRoutingHarness(options: HarnessOptions = {}) {
  const sandbox = await startSandbox({ port: 0, ...options.sandbox });
  const dbHandle = options.db ? { db: options.db, close: async () => {} } : await openTestDb();
  const app = sandbox.fixture.apps[0];
  if (!app) throw new Error('the fixture has no app');
  const businessIds = sandbox.fixture.businesses.map((b) => b.id);
  const ctx: RoutingContext = {
    graph: createGraphClient({
      baseUrl: sandbox.url,
      version: sandbox.fixture.graphVersion,
      accessToken: app.accessToken,
      timeoutMs: 5_000,
      maxRetries: 0,
    }),
    appId: app.id,
    businessIds: options.businesses === 'first' ? businessIds.slice(0, 1) : businessIds,
    allowLoopbackCallbacks: true,
    preflightTimeoutMs: options.preflightTimeoutMs ?? 1_000,
    db: dbHandle.db,
    fleetCache: new FleetCache(),
  };

  let since = { changes: 0, checks: 0 };
  const control = sandboxClient(sandbox.url);

  return {
    sandbox,
    fixture: sandbox.fixture,
    scenarios: sandbox.fixture.scenarios,
    ctx,
    control,
    /** Graph calls the sandbox received since the last `clearCalls()`. */
    calls: () => control.calls(),
    writes: async () => (await control.calls()).filter((call) => call.method !== 'GET'),
    clearCalls: () => control.clearCalls(),
    /** Replaces the sandbox's fault configuration (see lib/graph-sandbox/faults.ts). */
    faults: (config: FaultConfig) => control.faults(config),
    /** Restores the seeded fleet, forgets cached scans, and starts the row views below afresh. */
    reset: async () => {
      await control.reset();
      ctx.fleetCache.invalidate();
      const [changes] = await ctx.db.select({ id: max(changeLog.id) }).from(changeLog);
      const [checks] = await ctx.db.select({ id: max(callbackChecks.id) }).from(callbackChecks);
      since = { changes: changes?.id ?? 0, checks: checks?.id ?? 0 };
    },
    /** Change-log rows written since the last reset, oldest first. */
    changeRows: (targetId?: string) =>
      ctx.db
        .select()
        .from(changeLog)
        .where(
          and(
            gt(changeLog.id, since.changes),
            targetId === undefined ? undefined : eq(changeLog.targetId, targetId),
          ),
        )
        .orderBy(changeLog.id),
    /** Callback checks recorded since the last reset, oldest first. */
    checkRows: () =>
      ctx.db
        .select()
        .from(callbackChecks)
        .where(gt(callbackChecks.id, since.checks))
        .orderBy(callbackChecks.id),
    close: async () => {
      await sandbox.close();
      await dbHandle.close();
    },
  };
}

export const RECEIVER_TOKEN = 'receiver-token+with/specials';

export interface TestReceiver {
  url: string;
  /** Paths (with query) received, oldest first. */
  hits: string[];
  close(): Promise<void>;
}

/**
 * A local receiver. Paths: /echo (the challenge when the token is RECEIVER_TOKEN, else 403), /wrong (another
 * body), /quoted (JSON-quoted challenge), /newline (challenge + "\n"), /missing (404), /auth (401),
 * /redirect (302 to /echo), /big (8 KB), /hang (never answers).
 */
export async function startReceiver(): Promise<TestReceiver> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://receiver.local');
    const challenge = url.searchParams.get('hub.challenge') ?? '';
    const tokenOk = url.searchParams.get('hub.verify_token') === RECEIVER_TOKEN;
    switch (url.pathname) {
      case '/echo':
        res.writeHead(tokenOk ? 200 : 403).end(tokenOk ? challenge : 'forbidden');
        return;
      case '/wrong':
        res.writeHead(200).end('OK');
        return;
      case '/quoted':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(challenge));
        return;
      case '/newline':
        res.writeHead(200).end(`${challenge}\n`);
        return;
      case '/auth':
        res.writeHead(401, { 'www-authenticate': 'Basic' }).end('secret-page-content');
        return;
      case '/redirect':
        res.writeHead(302, { location: `/echo${url.search}` }).end();
        return;
      case '/big':
        res.writeHead(200).end('x'.repeat(8_192));
        return;
      case '/hang':
        return;
      default:
        res.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
