/**
 * Test harness for the routing services: a real Graph sandbox on a free port, the real Graph client, a memory
 * database, and a local receiver that answers the verification GET in good and bad ways. Tests only.
 */
import { and, eq, gt, max } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { callbackChecks, changeLog } from '@/lib/db/schema';
import { createGraphClient } from '@/lib/graph/client';
import { type FaultConfig, sandboxClient } from '@/lib/graph-sandbox/client';
import { type SandboxOptions, startSandbox } from '@/lib/graph-sandbox/server';
import { startVerificationReceiver } from '@/lib/graph-sandbox/verification-receiver';
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
  const fleetCache = new FleetCache();
  /** A context acting as one fixture app (its own token), sharing the database and the fleet cache. */
  const contextFor = (fixtureApp: typeof app): RoutingContext => ({
    graph: createGraphClient({
      baseUrl: sandbox.url,
      version: sandbox.fixture.graphVersion,
      accessToken: fixtureApp.accessToken,
      timeoutMs: 5_000,
      maxRetries: 0,
    }),
    appId: fixtureApp.id,
    appLabel: fixtureApp.name,
    businessIds: options.businesses === 'first' ? businessIds.slice(0, 1) : businessIds,
    allowLoopbackCallbacks: true,
    preflightTimeoutMs: options.preflightTimeoutMs ?? 1_000,
    db: dbHandle.db,
    fleetCache,
  });
  const ctx = contextFor(app);

  let since = { changes: 0, checks: 0 };
  const control = sandboxClient(sandbox.url);

  return {
    sandbox,
    fixture: sandbox.fixture,
    scenarios: sandbox.fixture.scenarios,
    ctx,
    contextFor,
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

/** The shared verification receiver (lib/graph-sandbox/verification-receiver.ts), accepting RECEIVER_TOKEN. */
export async function startReceiver(): Promise<TestReceiver> {
  const receiver = await startVerificationReceiver({ verifyToken: RECEIVER_TOKEN });
  return { url: receiver.url, hits: receiver.requests, close: receiver.close };
}
