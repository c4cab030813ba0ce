/**
 * What the benchmarks run the app's code with: a memory database and an AuditEnv pointed at a sandbox process,
 * with the routing doctor wired as lib/server wires it (so a bench scan records verdicts, as the app's do).
 */
import type { AuditEnv } from '../../lib/audit/env';
import { createAuditGraph } from '../../lib/audit/graph';
import type { Db } from '../../lib/db/client';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../../lib/graph/client';
import type { FixtureIdentities } from '../../lib/graph-sandbox/client';
import type { RoutingContext } from '../../lib/routing/context';
import { FleetCache } from '../../lib/routing/fleet-cache';

export function benchEnv(input: {
  url: string;
  fixture: FixtureIdentities;
  db: Db;
  verdicts: boolean;
  concurrency?: number;
  /** Scan as the fixture's first `apps` apps (each with its own token, client and doctor), as lib/server does. */
  apps?: number;
}): { env: AuditEnv; routing: RoutingContext; clientOptions: GraphClientOptions } {
  const app = input.fixture.apps[0];
  if (!app) throw new Error('the sandbox fixture has no app');
  const clientOptions: GraphClientOptions = {
    baseUrl: input.url,
    version: input.fixture.graphVersion,
    accessToken: app.accessToken,
    timeoutMs: 30_000,
  };
  const businessIds = input.fixture.businesses.map((b) => b.id);
  const routing: RoutingContext = {
    graph: createGraphClient(clientOptions),
    appId: app.id,
    appLabel: app.name,
    businessIds,
    allowLoopbackCallbacks: true,
    preflightTimeoutMs: 5_000,
    db: input.db,
    fleetCache: new FleetCache(),
  };
  const several = input.fixture.apps.slice(0, input.apps ?? 1);
  if (several.length < (input.apps ?? 1))
    throw new Error(`the sandbox fixture has fewer than ${input.apps} apps`);
  const env: AuditEnv = {
    db: input.db,
    appId: app.id,
    appLabel: app.name,
    businessIds,
    ...(several.length > 1
      ? {
          apps: async () =>
            several.map((each) => {
              const options = { ...clientOptions, accessToken: each.accessToken };
              return {
                appId: each.id,
                appLabel: each.name,
                connect: () => createAuditGraph(options),
                doctor: input.verdicts
                  ? async (graph: GraphClient) => ({
                      ...routing,
                      appId: each.id,
                      appLabel: each.name,
                      graph,
                      appAccessToken: each.appAccessToken,
                      accessToken: each.accessToken,
                      managedReceiver: async () => null,
                    })
                  : undefined,
              };
            }),
        }
      : {}),
    connect: () => createAuditGraph(clientOptions),
    routing: async () => routing,
    ...(input.concurrency ? { scanOptions: { concurrency: input.concurrency } } : {}),
    ...(input.verdicts
      ? {
          doctor: async (graph) => ({
            ...routing,
            graph,
            appAccessToken: app.appAccessToken,
            accessToken: app.accessToken,
            managedReceiver: async () => null,
          }),
        }
      : {}),
  };
  return { env, routing, clientOptions };
}

/** Peak RSS and heap of this process while `work` runs, sampled every 50 ms (and once at the end). */
export async function withMemoryPeak<T>(
  work: () => Promise<T>,
): Promise<{ result: T; rssBeforeMb: number; rssPeakMb: number; heapPeakMb: number }> {
  const mb = (bytes: number) => Math.round(bytes / 1_048_576);
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  };
  const timer = setInterval(sample, 50);
  try {
    const result = await work();
    sample();
    return { result, rssBeforeMb: mb(before.rss), rssPeakMb: mb(rss), heapPeakMb: mb(heap) };
  } finally {
    clearInterval(timer);
  }
}
