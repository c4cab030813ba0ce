/**
 * GET /api/numbers/<id>/diagnosis (the pattern of app/api/read-routes.test.ts), against a real Graph sandbox over HTTP and an
 * in-memory PGlite. Only next-auth's `getServerSession` (which reads the request's cookie) is replaced: it names
 * the test user, whose role is still read from the database.
 */
import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser } from '@/lib/db/users';
import type { RunningSandbox } from '@/lib/graph-sandbox/server';
import { startSandbox } from '@/lib/graph-sandbox/server';
import { GET } from './route';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));

let sandbox: RunningSandbox;
let viewerId = '';

const request = (path: string) => new NextRequest(`http://switchboard.test${path}`);
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

function scenario(name: string): { wabaId: string; phoneNumberId: string } {
  const found = (sandbox.fixture.scenarios as unknown as Record<string, unknown>)[name];
  if (!found || typeof found !== 'object' || !('wabaId' in found) || !('phoneNumberId' in found)) {
    throw new Error(`the fixture has no scenario ${name}`);
  }
  return found as { wabaId: string; phoneNumberId: string };
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
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
  viewerId = (await createUser({ email: 'diagnosis-viewer@test.local', role: 'viewer' })).id;
});

afterEach(async () => {
  session.userId = null;
  await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
});

afterAll(async () => {
  await sandbox?.close();
});

describe('GET /api/numbers/<id>/diagnosis', () => {
  it('answers 401 when signed out', async () => {
    const res = await GET(request('/api/numbers/1/diagnosis'), params({ phoneNumberId: '1' }));
    expect(res.status).toBe(401);
  });

  it('serves a viewer the bare diagnosis with every check id', async () => {
    session.userId = viewerId;
    const { phoneNumberId } = scenario('unsubscribedWaba');
    const res = await GET(request(`/api/numbers/${phoneNumberId}/diagnosis`), params({ phoneNumberId }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      phoneNumberId,
      verdict: 'does_not_deliver',
      firstProblem: 'waba_subscription',
    });
    expect(Number.isNaN(Date.parse(body.checkedAt))).toBe(false);
    expect(body.checks.map((c: { id: string }) => c.id)).toEqual([
      'token',
      'app_subscription',
      'messages_field',
      'waba_subscription',
      'number_status',
      'waba_status',
      'callback_live',
      'other_apps',
      'recent_deliveries',
    ]);
    const app = sandbox.fixture.apps[0];
    const text = JSON.stringify(body);
    expect(text).not.toContain(app?.accessToken);
    expect(text).not.toContain(app?.secret);
  });

  it('answers 404 for a number Graph does not know and 400 for junk', async () => {
    session.userId = viewerId;
    const unknown = await GET(
      request('/api/numbers/99999999999/diagnosis'),
      params({ phoneNumberId: '99999999999' }),
    );
    expect(unknown.status).toBe(404);
    const long = '1'.repeat(65);
    const bad = await GET(request(`/api/numbers/${long}/diagnosis`), params({ phoneNumberId: long }));
    expect(bad.status).toBe(400);
  });
});
