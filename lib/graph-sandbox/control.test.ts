import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallLogEntry } from './call-log';
import type { FixtureIdentities } from './fixture-identities';
import { demoFleet } from './fixtures/demo-fleet';
import type { Delivery } from './receivers';
import { KEEP_ALIVE_TIMEOUT_MS } from './server';
import { startTestSandbox } from './test-helpers';

let t: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());
beforeEach(() => t.reset());

describe('server', () => {
  it('keeps idle connections for 65 s, past what fetch keeps them (5 s raced fetch: ECONNRESET)', async () => {
    const res = await fetch(`${t.sandbox.url}/_sandbox/fixture`);
    await res.arrayBuffer();
    expect(res.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
  });
});

describe('fixture and reset', () => {
  it('serves deterministic identities', async () => {
    const res = await t.control<FixtureIdentities>('/fixture');
    expect(res.body).toEqual(t.fixture);
    expect(res.body.graphVersion).toBe('v23.0');
    expect(res.body.apps.length).toBeGreaterThanOrEqual(2);
    const [app] = res.body.apps;
    expect(app?.accessToken.startsWith('EAA')).toBe(false);
    expect(app?.appAccessToken).toBe(`${app?.id}|${app?.secret}`);
    const again = await startTestSandbox();
    try {
      const { receiverUrl: _a, receivers: _b, ...rest } = again.fixture;
      const { receiverUrl: _c, receivers: _d, ...mine } = t.fixture;
      expect(rest).toEqual(mine);
    } finally {
      await again.sandbox.close();
    }
  });

  it('reset restores overrides and subscriptions and clears the call log', async () => {
    const waba = t.fixture.scenarios.sharedWaba.wabaId;
    await t.graph(`/v23.0/${waba}/subscribed_apps`, { method: 'DELETE' });
    expect((await t.control<{ data: CallLogEntry[] }>('/calls')).body.data).toHaveLength(1);
    await t.reset();
    expect((await t.control<{ data: CallLogEntry[] }>('/calls')).body.data).toEqual([]);
    const list = await t.graph<{ data: unknown[] }>(`/v23.0/${waba}/subscribed_apps`);
    expect(list.body.data).toHaveLength(2);
  });

  it('dumps subscriptions and overrides per app without verify tokens', async () => {
    const res = await t.control<{
      apps: Array<{ id: string; subscriptions: unknown[]; phoneOverrides: unknown[] }>;
    }>('/state');
    // Counted from the fixture the sandbox seeded (the demo fleet), not copied from it.
    const seeded = demoFleet();
    const main = seeded.apps[0]?.id;
    expect(res.body.apps[0]?.id).toBe(main);
    expect(res.body.apps[0]?.subscriptions).toHaveLength(
      seeded.subscriptions.filter((x) => x.appId === main).length,
    );
    expect(res.body.apps[0]?.phoneOverrides).toHaveLength(6);
    expect(JSON.stringify(res.body)).not.toContain('verify');
  });
});

describe('call log', () => {
  it('records method, path without query, app, status and error code; since and DELETE work', async () => {
    const token = t.fixture.apps[0]?.accessToken ?? '';
    await t.graph(`/v23.0/${t.fixture.scenarios.wabaTier.wabaId}?fields=id`, { tokenIn: 'query' });
    const mark = new Date(Date.now() + 1).toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await t.graph('/v23.0/12345', { token: 'bad' });
    const all = await t.control<{ data: CallLogEntry[] }>('/calls');
    expect(all.body.data).toEqual([
      {
        at: expect.any(String),
        method: 'GET',
        path: `/v23.0/${t.fixture.scenarios.wabaTier.wabaId}`,
        appId: t.fixture.apps[0]?.id,
        status: 200,
        appsecretProof: 'absent',
      },
      {
        at: expect.any(String),
        method: 'GET',
        path: '/v23.0/12345',
        appId: null,
        status: 401,
        errorCode: 190,
        appsecretProof: 'absent',
      },
    ]);
    expect(JSON.stringify(all.body)).not.toContain(token);
    const since = await t.control<{ data: CallLogEntry[] }>(`/calls?since=${encodeURIComponent(mark)}`);
    expect(since.body.data.map((c) => c.path)).toEqual(['/v23.0/12345']);
    await t.control('/calls', { method: 'DELETE' });
    expect((await t.control<{ data: CallLogEntry[] }>('/calls')).body.data).toEqual([]);
  });
});

describe('echo receiver', () => {
  const base = () => `${t.sandbox.url}/_sandbox/receiver`;

  it('answers the handshake with the raw challenge only for the right token', async () => {
    const demo = t.fixture.receivers.find((r) => r.name === 'demo');
    const ok = await fetch(
      `${t.fixture.receiverUrl}?hub.mode=subscribe&hub.challenge=12345&hub.verify_token=${demo?.verifyToken}`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('12345');
    const bad = await fetch(
      `${t.fixture.receiverUrl}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope`,
    );
    expect(bad.status).toBe(403);
    expect((await fetch(`${base()}/unknown?hub.mode=subscribe`)).status).toBe(404);
  });

  it('takes a new verify token with PUT and records signed deliveries', async () => {
    const put = await fetch(`${base()}/mine`, {
      method: 'PUT',
      body: JSON.stringify({ verifyToken: 'tok' }),
    });
    expect(put.status).toBe(200);
    const ok = await fetch(`${base()}/mine?hub.mode=subscribe&hub.challenge=77&hub.verify_token=tok`);
    expect(await ok.text()).toBe('77');
    const app = t.fixture.apps[1];
    const payload = '{"object":"whatsapp_business_account","entry":[]}';
    const signature = `sha256=${createHmac('sha256', app?.secret ?? '')
      .update(payload)
      .digest('hex')}`;
    const post = await fetch(`${base()}/mine`, {
      method: 'POST',
      body: payload,
      headers: { 'x-hub-signature-256': signature },
    });
    expect(post.status).toBe(200);
    await fetch(`${base()}/mine`, { method: 'POST', body: payload });
    const list = await t.control<{ data: Delivery[] }>('/receiver/mine/deliveries');
    expect(list.body.data.map((d) => [d.body, d.signedByAppId])).toEqual([
      [payload, app?.id],
      [payload, null],
    ]);
  });

  it('answers deliveries with the configured failure status, and 404 on unknown control paths', async () => {
    const put = await fetch(`${base()}/failing`, {
      method: 'PUT',
      body: JSON.stringify({ verifyToken: 'x', deliveryStatus: 503 }),
    });
    expect(put.status).toBe(200);
    expect((await fetch(`${base()}/failing`, { method: 'POST', body: '{}' })).status).toBe(503);
    const invalid = await fetch(`${base()}/failing`, {
      method: 'PUT',
      body: JSON.stringify({ verifyToken: 'x', deliveryStatus: 99 }),
    });
    expect(invalid.status).toBe(400);
    expect((await fetch(`${t.sandbox.url}/_sandbox/nope`)).status).toBe(404);
  });
});
