/**
 * Integration-test plumbing: one sandbox per test file (port 0, so files run in parallel), clients bound to
 * its fixture apps, and the sandbox's control surface (`/_sandbox/…`) for faults, resets and the call log.
 */
import { afterAll, beforeAll } from 'vitest';
import {
  type FaultConfig,
  type SandboxCall,
  type SandboxClient,
  sandboxClient,
} from '@/lib/graph-sandbox/client';
import { startSandbox } from '@/lib/graph-sandbox/server';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../client';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
export type FixtureApp = Sandbox['fixture']['apps'][number];
export type { FaultConfig as FaultSpec, SandboxCall } from '@/lib/graph-sandbox/client';

export interface SandboxHarness {
  readonly sandbox: Sandbox;
  readonly fixture: Sandbox['fixture'];
  /** The sandbox's control client (`/_sandbox/…`). */
  readonly control: SandboxClient;
  app(index: number): FixtureApp;
  /** A client for one fixture app; tests keep retry waits tiny. */
  client(app?: number | FixtureApp, options?: Partial<GraphClientOptions>): GraphClient;
  reset(): Promise<void>;
  faults(spec: FaultConfig): Promise<void>;
  clearFaults(): Promise<void>;
  calls(): Promise<SandboxCall[]>;
}

/** Starts a sandbox before the file's tests and stops it after. */
export function withSandbox(): SandboxHarness {
  let sandbox: Sandbox | undefined;
  let control: SandboxClient | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    control = sandboxClient(sandbox.url);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const running = (): Sandbox => {
    if (!sandbox) throw new Error('sandbox not started (use inside tests)');
    return sandbox;
  };
  const controlled = (): SandboxClient => {
    running();
    return control as SandboxClient;
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
    get control() {
      return controlled();
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
    reset: () => controlled().reset(),
    faults: async (spec) => {
      await controlled().faults(spec);
    },
    clearFaults: async () => {
      await controlled().clearFaults();
    },
    calls: () => controlled().calls(),
  };
}
