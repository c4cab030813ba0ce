/**
 * Shared set-up of the route-handler tests: a real Graph sandbox over HTTP and an in-memory PGlite, configured
 * through the environment as the app reads it, and a viewer to sign in as. Each test file keeps its own
 * `vi.mock('next-auth')` (mocks are hoisted per file) and passes the session holder it mocks with.
 */
import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createUser } from '@/lib/db/users';
import { type SandboxClient, sandboxClient } from '@/lib/graph-sandbox/client';
import { type RunningSandbox, startSandbox } from '@/lib/graph-sandbox/server';

export interface RouteSession {
  userId: string | null;
}

export function startRouteHarness(session: RouteSession, viewerEmail: string) {
  let sandbox: RunningSandbox | undefined;
  let control: SandboxClient | undefined;
  let viewerId = '';

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    control = sandboxClient(sandbox.url);
    const app = sandbox.fixture.apps[0];
    if (!app) throw new Error('the fixture has no app');
    Object.assign(process.env, {
      GRAPH_API_BASE_URL: sandbox.url,
      GRAPH_API_VERSION: sandbox.fixture.graphVersion,
      GRAPH_ACCESS_TOKEN: app.accessToken,
      GRAPH_MAX_RETRIES: '0',
      META_APP_ID: app.id,
      META_APP_SECRET: app.secret,
      META_BUSINESS_IDS: sandbox.fixture.businesses.map((b) => b.id).join(','),
      DATA_DIR: 'memory://',
      SECRETS_KEY: randomBytes(32).toString('base64'),
    });
    delete process.env.DATABASE_URL;
    viewerId = (await createUser({ email: viewerEmail, role: 'viewer' })).id;
  });

  afterEach(async () => {
    session.userId = null;
    await control?.clearFaults();
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  const running = (): RunningSandbox => {
    if (!sandbox) throw new Error('the sandbox has not started');
    return sandbox;
  };

  return {
    get sandbox() {
      return running();
    },
    get viewerId() {
      return viewerId;
    },
    request: (path: string) => new NextRequest(`http://switchboard.test${path}`),
    params: <T>(value: T) => ({ params: Promise.resolve(value) }),
    scenario(name: string): { wabaId: string; phoneNumberId: string } {
      const found = (running().fixture.scenarios as unknown as Record<string, unknown>)[name];
      if (!found || typeof found !== 'object' || !('wabaId' in found) || !('phoneNumberId' in found)) {
        throw new Error(`the fixture has no scenario ${name}`);
      }
      return found as { wabaId: string; phoneNumberId: string };
    },
  };
}
