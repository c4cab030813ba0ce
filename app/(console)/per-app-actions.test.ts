/**
 * The per-app actions through the real server actions and the composition root (lib/server), against a Graph
 * sandbox over HTTP and PGlite, with two configured apps (apps[0] default, apps[1] through META_APPS): bulk
 * re-routing for the second app, its doctor and its "Read again" act with the second app's token and change or
 * read only its scoping. Only next-auth's session lookup and `revalidatePath` are stood in for.
 */
import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUser } from '@/lib/db/users';
import { type SandboxClient, sandboxClient } from '@/lib/graph-sandbox/client';
import type { FixtureApp } from '@/lib/graph-sandbox/fixture-identities';
import { type RunningSandbox, startSandbox } from '@/lib/graph-sandbox/server';
import { settled } from '@/lib/jobs/runs';
import { GET as diagnosisRoute } from '../api/numbers/[phoneNumberId]/diagnosis/route';
import { readAgainAction } from './_actions/read-again';
import { previewBulkRerouteAction } from './audit/_actions/preview-bulk-reroute';
import { startBulkRerouteAction } from './audit/_actions/start-bulk-reroute';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: () => {},
}));

let sandbox: RunningSandbox;
let control: SandboxClient;
let main: FixtureApp;
let helpdesk: FixtureApp;
let operatorId = '';
let viewerId = '';

/** The phone override as one app's token sees it. */
async function phoneOverrideOf(app: FixtureApp, phoneNumberId: string): Promise<string | null> {
  const res = await fetch(
    `${sandbox.url}/${sandbox.fixture.graphVersion}/${phoneNumberId}?fields=webhook_configuration`,
    { headers: { authorization: `Bearer ${app.accessToken}` } },
  );
  const body = (await res.json()) as { webhook_configuration?: { phone_number?: string } };
  return body.webhook_configuration?.phone_number ?? null;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  control = sandboxClient(sandbox.url);
  [main, helpdesk] = sandbox.fixture.apps as [FixtureApp, FixtureApp];
  Object.assign(process.env, {
    GRAPH_API_BASE_URL: sandbox.url,
    GRAPH_API_VERSION: sandbox.fixture.graphVersion,
    GRAPH_ACCESS_TOKEN: main.accessToken,
    GRAPH_MAX_RETRIES: '0',
    META_APP_ID: main.id,
    META_APP_SECRET: main.secret,
    META_APPS: JSON.stringify([
      {
        id: helpdesk.id,
        label: helpdesk.name,
        accessToken: helpdesk.accessToken,
        appSecret: helpdesk.secret,
      },
    ]),
    META_BUSINESS_IDS: sandbox.fixture.businesses.map((b) => b.id).join(','),
    ALLOW_LOOPBACK_CALLBACKS: '1',
    PREFLIGHT_TIMEOUT_MS: '2000',
    DATA_DIR: 'memory://',
    SECRETS_KEY: randomBytes(32).toString('base64'),
  });
  delete process.env.DATABASE_URL;
  operatorId = (await createUser({ email: 'per-app-operator@test.local', role: 'operator' })).id;
  viewerId = (await createUser({ email: 'per-app-viewer@test.local', role: 'viewer' })).id;
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  session.userId = operatorId;
  await control.clearCalls();
});

describe('per-app actions with two configured apps', () => {
  it("reads again through the app the write acted as: the second app's token and its own phone override", async () => {
    const phoneNumberId = sandbox.fixture.scenarios.sharedWaba.secondAppPhoneNumberId ?? '';
    const theirs = await phoneOverrideOf(helpdesk, phoneNumberId);
    expect(theirs).not.toBeNull();
    expect(await phoneOverrideOf(main, phoneNumberId)).not.toBe(theirs);
    await control.clearCalls();

    const input = { action: 'phone_override.set', targetId: phoneNumberId } as const;
    const again = await readAgainAction({ ...input, appId: helpdesk.id });
    expect(again).toMatchObject({ ok: true, data: { kind: 'read', value: theirs } });
    const calls = await control.calls();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.appId === helpdesk.id)).toBe(true);

    // Without an app: the default app's view, as before apps became a parameter.
    const asDefault = await readAgainAction(input);
    expect(asDefault).toMatchObject({ ok: true, data: { kind: 'read' } });
    if (asDefault.ok && asDefault.data.kind === 'read') expect(asDefault.data.value).not.toBe(theirs);

    const unknown = await readAgainAction({ ...input, appId: '999999999' });
    expect(unknown).toMatchObject({ ok: false, status: 422, fieldErrors: { appId: [expect.any(String)] } });
  });

  it("runs the doctor as the acting app (?app=): the second app's token is the one checked and used", async () => {
    session.userId = viewerId;
    const phoneNumberId = sandbox.fixture.scenarios.sharedWaba.secondAppPhoneNumberId ?? '';
    const get = (query: string) =>
      diagnosisRoute(
        new NextRequest(`http://switchboard.test/api/numbers/${phoneNumberId}/diagnosis${query}`),
        {
          params: Promise.resolve({ phoneNumberId }),
        },
      );

    const res = await get(`?app=${helpdesk.id}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.app).toEqual({ id: helpdesk.id, label: helpdesk.name });
    const calls = await control.calls();
    expect(calls.some((c) => c.path.endsWith('/debug_token'))).toBe(true);
    expect(calls.every((c) => c.appId === helpdesk.id)).toBe(true);
    // /debug_token inspected the second app's own token, not the default app's.
    const token = body.checks.find((c: { id: string }) => c.id === 'token');
    expect(token.detail).toContain(`app ${helpdesk.id},`);
    // Its own phone override wins for its copy.
    const live = body.checks.find((c: { id: string }) => c.id === 'callback_live');
    expect(live.detail).toMatch(/^Phone number override wins\./);
    const text = JSON.stringify(body);
    expect(text).not.toContain(helpdesk.accessToken);
    expect(text).not.toContain(helpdesk.secret);

    await control.clearCalls();
    const asDefault = await (await get('')).json();
    expect(asDefault.app.id).toBe(main.id);
    expect((await control.calls()).every((c) => c.appId === main.id)).toBe(true);

    expect((await get('?app=999999999')).status).toBe(502);
  });

  it("bulk re-routes for the second app: only its phone overrides change, the default app's route stays", async () => {
    const { startAuditScan } = await import('@/lib/audit');
    const { getAuditEnv } = await import('@/lib/server');
    const scan = await (await startAuditScan(await getAuditEnv(), 'per-app@test.local')).finished;
    const { wabaId } = sandbox.fixture.scenarios.sharedWaba;
    const receiver = sandbox.fixture.receivers[0];
    if (!scan || !receiver) throw new Error('no scan or receiver');
    const selection = {
      scanId: scan.id,
      filter: { waba: wabaId },
      action: 'phone_override.set' as const,
      overrideCallbackUri: receiver.url,
      appId: helpdesk.id,
    };
    const preview = await previewBulkRerouteAction(selection);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.app).toEqual({ id: helpdesk.id, label: helpdesk.name });
    expect(preview.data.count).toBeGreaterThan(1);

    const listed = (await (
      await fetch(
        `${sandbox.url}/${sandbox.fixture.graphVersion}/${wabaId}/phone_numbers?fields=id&limit=100`,
        {
          headers: { authorization: `Bearer ${main.accessToken}` },
        },
      )
    ).json()) as { data: { id: string }[] };
    const numbers = listed.data.map((n) => n.id);
    expect(numbers).toHaveLength(preview.data.count);
    const defaultBefore = await Promise.all(numbers.map((id) => phoneOverrideOf(main, id)));
    await control.clearCalls();
    const started = await startBulkRerouteAction({
      ...selection,
      verifyToken: receiver.verifyToken,
      expectedCount: preview.data.count,
    });
    if (!started.ok || started.data.kind !== 'started') throw new Error(JSON.stringify(started));
    await settled(started.data.jobId);

    for (const id of numbers) expect(await phoneOverrideOf(helpdesk, id)).toBe(receiver.url);
    expect(await Promise.all(numbers.map((id) => phoneOverrideOf(main, id)))).toEqual(defaultBefore);
    const writes = (await control.calls()).filter((c) => c.method === 'POST');
    expect(writes).toHaveLength(preview.data.count);
    expect(writes.every((c) => c.appId === helpdesk.id && c.status < 400)).toBe(true);

    const unknown = await previewBulkRerouteAction({ ...selection, appId: '999999999' });
    expect(unknown).toMatchObject({ ok: false, status: 422, fieldErrors: { appId: [expect.any(String)] } });
  });
});
