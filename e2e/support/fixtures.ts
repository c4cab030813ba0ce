/**
 * The `test` every spec imports: the app's base URL, the sandbox (reset before each test, with its call log
 * and fixture identities), a local test receiver, and helpers to read Graph state straight from the sandbox
 * so assertions never rely on what the UI claims.
 */
import { test as base, expect } from '@playwright/test';
import {
  type FixtureApp,
  type FixtureIdentities,
  type SandboxCall,
  type SandboxClient,
  sandboxClient,
} from '@/lib/graph-sandbox/client';
import { startTestReceiver, type TestReceiver } from './receiver';

export type { FixtureApp, SandboxCall };

export interface SandboxHandle {
  url: string;
  fixture: FixtureIdentities;
  /** The sandbox's control client (`/_sandbox/…`): faults, emit, receivers, call log. */
  control: SandboxClient;
  reset(): Promise<void>;
  calls(): Promise<SandboxCall[]>;
  /** Graph writes (POST/DELETE on Graph paths) received since the last reset. */
  writes(): Promise<SandboxCall[]>;
  /** GET a Graph path as an app (default: the app Switchboard uses). */
  graph<T = unknown>(pathAndQuery: string, app?: FixtureApp): Promise<T>;
  /** POST to a Graph path as an app, to change state behind Switchboard's back. */
  graphPost<T = unknown>(path: string, body: unknown, app?: FixtureApp): Promise<T>;
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

function sandboxHandle(control: SandboxClient, fixture: FixtureIdentities): SandboxHandle {
  const thisApp = fixture.apps[0] as FixtureApp;
  const graphUrl = (p: string) => `${control.url}/${fixture.graphVersion}/${p.replace(/^\//, '')}`;
  const handle: SandboxHandle = {
    url: control.url,
    fixture,
    control,
    reset: () => control.reset(),
    calls: () => control.calls(),
    writes: async () =>
      (await control.calls()).filter((c) => c.method !== 'GET' && !c.path.startsWith('/_sandbox')),
    graph: async (p, app = thisApp) =>
      json(await fetch(graphUrl(p), { headers: { authorization: `Bearer ${app.accessToken}` } })),
    graphPost: async (p, body, app = thisApp) =>
      json(
        await fetch(graphUrl(p), {
          method: 'POST',
          headers: { authorization: `Bearer ${app.accessToken}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
  };
  return handle;
}

export const test = base.extend<{ sandbox: SandboxHandle; receiver: TestReceiver }>({
  baseURL: process.env.E2E_APP_URL,
  sandbox: async ({}, use) => {
    const url = process.env.E2E_SANDBOX_URL;
    if (!url) throw new Error('E2E_SANDBOX_URL is not set: run the specs through playwright.config.ts');
    const control = sandboxClient(url);
    const handle = sandboxHandle(control, await control.fixture());
    await handle.reset();
    await use(handle);
  },
  receiver: async ({}, use) => {
    const receiver = await startTestReceiver();
    await use(receiver);
    await receiver.close();
  },
});

export { expect };
