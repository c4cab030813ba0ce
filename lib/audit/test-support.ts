/**
 * Test harness for the audit: a real Graph sandbox on a free port, a memory database, and an AuditEnv wired
 * to both with test-sized waits. Tests only.
 */
import type { Db } from '@/lib/db/client';
import type { DoctorContext } from '@/lib/doctor/context';
import type { GraphClient } from '@/lib/graph/client';
import { type FaultConfig, sandboxClient } from '@/lib/graph-sandbox/client';
import { type SandboxOptions, startSandbox } from '@/lib/graph-sandbox/server';
import type { RoutingContext } from '@/lib/routing/context';
import { FleetCache } from '@/lib/routing/fleet-cache';
import { openTestDb } from '@/lib/testing/test-db';
import type { AuditEnv } from './env';
import { createAuditGraph } from './graph';
import { Throttle } from './throttle';

export async function startAuditHarness(options: { sandbox?: SandboxOptions; db?: Db } = {}) {
  const sandbox = await startSandbox({ port: 0, ...options.sandbox });
  const dbHandle = options.db ? { db: options.db, close: async () => {} } : await openTestDb();
  const app = sandbox.fixture.apps[0];
  if (!app) throw new Error('the fixture has no app');
  const businessIds = sandbox.fixture.businesses.map((b) => b.id);
  const clientOptions = {
    baseUrl: sandbox.url,
    version: sandbox.fixture.graphVersion,
    accessToken: app.accessToken,
    timeoutMs: 5_000,
    maxRetries: 1,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 200,
  };
  const connectAs = (token: string) => () =>
    createAuditGraph(
      { ...clientOptions, accessToken: token },
      new Throttle({ backoffBaseMs: 10, slowDelayMs: 5, maxWaitMs: 500 }),
    );
  const connect = connectAs(app.accessToken);
  const routing: RoutingContext = {
    graph: connect().graph,
    appId: app.id,
    appLabel: app.name,
    businessIds,
    allowLoopbackCallbacks: true,
    preflightTimeoutMs: 1_000,
    db: dbHandle.db,
    fleetCache: new FleetCache(),
  };
  const env: AuditEnv = {
    db: dbHandle.db,
    appId: app.id,
    businessIds,
    connect,
    routing: async () => routing,
    progressIntervalMs: 20,
  };

  /** The same env, with the routing doctor's verdicts recorded on every snapshot row. */
  const withDoctor = (extra: Partial<DoctorContext> = {}): AuditEnv => ({
    ...env,
    doctor: async (graph) => ({
      ...routing,
      graph,
      appAccessToken: app.appAccessToken,
      accessToken: app.accessToken,
      managedReceiver: async () => null,
      liveTimeoutMs: 1_500,
      ...extra,
    }),
  });

  /**
   * The same env scanning as the fixture's first `count` apps (apps[0], the default, then apps[1], …), each
   * with its own token and, with `doctor`, its own doctor checks.
   */
  const withApps = (count = 2, options: { doctor?: boolean } = {}): AuditEnv => ({
    ...env,
    appLabel: app.name,
    apps: async () =>
      sandbox.fixture.apps.slice(0, count).map((fixtureApp) => ({
        appId: fixtureApp.id,
        appLabel: fixtureApp.name,
        connect: connectAs(fixtureApp.accessToken),
        doctor: options.doctor
          ? async (graph: GraphClient) => ({
              ...routing,
              appId: fixtureApp.id,
              appLabel: fixtureApp.name,
              graph,
              appAccessToken: fixtureApp.appAccessToken,
              accessToken: fixtureApp.accessToken,
              managedReceiver: async () => null,
              liveTimeoutMs: 1_500,
            })
          : undefined,
      })),
  });

  const control = sandboxClient(sandbox.url);
  const graphUrl = (path: string) =>
    `${sandbox.url}/${sandbox.fixture.graphVersion}/${path.replace(/^\//, '')}`;

  return {
    sandbox,
    fixture: sandbox.fixture,
    app,
    env,
    withDoctor,
    withApps,
    routing,
    db: dbHandle.db,
    connect,
    control,
    calls: () => control.calls(),
    clearCalls: () => control.clearCalls(),
    faults: (config: FaultConfig) => control.faults(config),
    reset: async () => {
      await control.reset();
      routing.fleetCache.invalidate();
    },
    /** A Graph write made directly on the sandbox, behind Switchboard's back (as apps[0], or `token`'s app). */
    graphPost: async (path: string, body: unknown, token = app.accessToken) => {
      const res = await fetch(graphUrl(path), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    close: async () => {
      await sandbox.close();
      await dbHandle.close();
    },
  };
}

export type AuditHarness = Awaited<ReturnType<typeof startAuditHarness>>;
