/**
 * Integration-test plumbing: one sandbox per test file (port 0, so files run in parallel), clients bound to
 * its fixture apps, and the sandbox's control surface (`/_sandbox/…`) for faults, resets and the call log.
 */
import { afterAll, beforeAll } from 'vitest';
import { startSandbox } from '@/lib/graph-sandbox/server';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../client';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
export type FixtureApp = Sandbox['fixture']['apps'][number];

export interface SandboxCall {
  method: string;
  path: string;
  appId: string | null;
  status: number;
  errorCode?: number;
  batch?: boolean;
}

export interface FaultSpec {
  latencyMs?: number;
  faultRate?: number;
  faultKind?: 'http500' | 'code2' | 'code80008';
  count?: number;
  pathPattern?: string;
  wabaCallBudget?: number;
}

export interface SandboxHarness {
  readonly sandbox: Sandbox;
  readonly fixture: Sandbox['fixture'];
  app(index: number): FixtureApp;
  /** A client for one fixture app; tests keep retry waits tiny. */
  client(app?: number | FixtureApp, options?: Partial<GraphClientOptions>): GraphClient;
  reset(): Promise<void>;
  faults(spec: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  calls(): Promise<SandboxCall[]>;
}

async function control(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/_sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`sandbox control ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** Starts a sandbox before the file's tests and stops it after. */
export function withSandbox(): SandboxHarness {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const running = (): Sandbox => {
    if (!sandbox) throw new Error('sandbox not started (use inside tests)');
    return sandbox;
  };
  const app = (index: number): FixtureApp => {
    const found = running().fixture.apps[index];
    if (!found) throw new Error(`fixture has no apps[${index}]`);
    return found;
  };

  return {
    get sandbox() {
      return running();
    },
    get fixture() {
      return running().fixture;
    },
    app,
    client(which = 0, options = {}) {
      const fixtureApp = typeof which === 'number' ? app(which) : which;
      return createGraphClient({
        baseUrl: running().url,
        version: running().fixture.graphVersion,
        accessToken: fixtureApp.accessToken,
        timeoutMs: 5_000,
        maxRetries: 3,
        maxRetryDelayMs: 1_000,
        retryBaseDelayMs: 5,
        ...options,
      });
    },
    reset: async () => {
      await control(running(), 'POST', 'reset');
    },
    faults: async (spec) => {
      await control(running(), 'POST', 'faults', spec);
    },
    clearFaults: async () => {
      await control(running(), 'DELETE', 'faults');
    },
    calls: async () => ((await control(running(), 'GET', 'calls')) as { data: SandboxCall[] }).data,
  };
}
