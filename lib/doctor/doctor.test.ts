/**
 * The routing doctor against the Graph sandbox over HTTP and a real database: each check passing, and each way
 * it fails, broken through Graph or the sandbox's control surface.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient } from '@/lib/graph/client';
import { FleetCache } from '@/lib/routing/fleet-cache';
import {
  RECEIVER_TOKEN,
  startReceiver,
  startRoutingHarness,
  type TestReceiver,
} from '@/lib/routing/test-support';
import type { DoctorContext, ManagedReceiverMatch } from './context';
import { DoctorRun, diagnoseNumber } from './diagnose';
import { diagnoseWaba } from './diagnose-waba';
import type { CheckId, Diagnosis } from './types';

let h: Awaited<ReturnType<typeof startRoutingHarness>>;
let receiver: TestReceiver;
let managed: Map<string, ManagedReceiverMatch>;
let ctx: DoctorContext;
const R1 = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  h = await startRoutingHarness();
  receiver = await startReceiver();
}, 60_000);
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});
beforeEach(async () => {
  await h.reset();
  managed = new Map();
  const app = h.fixture.apps[0];
  if (!app) throw new Error('no app');
  ctx = {
    ...h.ctx,
    appAccessToken: app.appAccessToken,
    accessToken: app.accessToken,
    managedReceiver: async (url) => managed.get(url) ?? null,
    liveTimeoutMs: 1_500,
  };
});

const control = async (path: string, json: unknown, method = 'POST') => {
  const res = await fetch(`${h.sandbox.url}/_sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  expect(res.status).toBe(200);
};

async function diagnose(phoneNumberId: string, run = new DoctorRun(ctx)): Promise<Diagnosis> {
  const diagnosis = await diagnoseNumber(run, phoneNumberId);
  if (!diagnosis) throw new Error(`no diagnosis for ${phoneNumberId}`);
  return diagnosis;
}

function check(d: Diagnosis, id: CheckId) {
  const found = d.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
}

describe('a number on the application tier with everything in place', () => {
  it('delivers: every condition passes and the example.com callback is not called', async () => {
    const d = await diagnose(h.scenarios.applicationTier.phoneNumberId);
    expect(d.checks.map((c) => c.id)).toEqual([
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
    for (const id of [
      'token',
      'app_subscription',
      'messages_field',
      'waba_subscription',
      'number_status',
      'waba_status',
    ] as const) {
      expect(check(d, id).status, id).toBe('pass');
    }
    expect(check(d, 'callback_live')).toMatchObject({ status: 'skip' });
    expect(check(d, 'callback_live').detail).toContain('RFC 2606');
    expect(d).toMatchObject({
      verdict: 'delivers',
      firstProblem: null,
      wabaId: h.scenarios.applicationTier.wabaId,
    });
    expect(check(d, 'token').detail).toContain('whatsapp_business_management');
  });

  it('answers null for a number Graph does not know', async () => {
    expect(await diagnoseNumber(new DoctorRun(ctx), '999999999999')).toBeNull();
    expect(await diagnoseNumber(new DoctorRun(ctx), 'not-an-id')).toBeNull();
  });
});

describe('token', () => {
  it('fails for an expired token and skips what needs Graph', async () => {
    const app = h.fixture.apps[0];
    if (!app) throw new Error('no app');
    const graph = createGraphClient({
      baseUrl: h.sandbox.url,
      version: h.fixture.graphVersion,
      accessToken: app.expiredAccessToken,
      timeoutMs: 5_000,
      maxRetries: 0,
    });
    const expired = { ...ctx, graph, accessToken: app.expiredAccessToken, fleetCache: new FleetCache() };
    const d = await diagnose(h.scenarios.applicationTier.phoneNumberId, new DoctorRun(expired));
    expect(check(d, 'token').status).toBe('fail');
    expect(check(d, 'token').detail).toMatch(/not valid|expired/i);
    expect(check(d, 'number_status').status).toBe('skip');
    expect(d).toMatchObject({ verdict: 'does_not_deliver', firstProblem: 'token' });
  });
});

describe('app_subscription and messages_field', () => {
  const appSubscriptions = (query: string) => {
    const app = h.fixture.apps[0];
    if (!app) throw new Error('no app');
    return fetch(
      `${h.sandbox.url}/${h.fixture.graphVersion}/${app.id}/subscriptions?object=whatsapp_business_account${query}&access_token=${encodeURIComponent(app.appAccessToken)}`,
      { method: 'DELETE' },
    );
  };

  it('messages_field fails when the app-level subscription lacks messages', async () => {
    expect((await appSubscriptions('&fields=messages')).status).toBe(200);
    const d = await diagnose(h.scenarios.applicationTier.phoneNumberId);
    expect(check(d, 'app_subscription').status).toBe('pass');
    expect(check(d, 'messages_field')).toMatchObject({ status: 'fail', fix: { kind: 'app_settings' } });
    expect(check(d, 'messages_field').detail).toContain('account_update');
    expect(d).toMatchObject({ verdict: 'does_not_deliver', firstProblem: 'messages_field' });
  });

  it('app_subscription fails when the app has none, and messages_field is skipped', async () => {
    expect((await appSubscriptions('')).status).toBe(200);
    const d = await diagnose(h.scenarios.applicationTier.phoneNumberId);
    expect(check(d, 'app_subscription').status).toBe('fail');
    expect(check(d, 'messages_field').status).toBe('skip');
    expect(d.firstProblem).toBe('app_subscription');
  });

  it('both are skipped, with the reason, without an app secret', async () => {
    const d = await diagnose(
      h.scenarios.applicationTier.phoneNumberId,
      new DoctorRun({ ...ctx, appAccessToken: null }),
    );
    expect(check(d, 'app_subscription')).toMatchObject({ status: 'skip' });
    expect(check(d, 'app_subscription').detail).toContain('META_APP_SECRET');
  });
});

describe('waba_subscription and other_apps', () => {
  it('fails on a WABA the app is not subscribed to, offering Subscribe', async () => {
    const { phoneNumberId, wabaId } = h.scenarios.unsubscribedWaba;
    const d = await diagnose(phoneNumberId);
    expect(check(d, 'waba_subscription')).toMatchObject({
      status: 'fail',
      fix: { kind: 'subscribe', wabaId },
    });
    expect(check(d, 'callback_live').status).toBe('skip');
    expect(d).toMatchObject({ verdict: 'does_not_deliver', firstProblem: 'waba_subscription' });
  });

  it('lists the other apps subscribed to a shared WABA and where their copies go', async () => {
    const d = await diagnose(h.scenarios.wabaTier.phoneNumberId);
    const other = check(d, 'other_apps');
    expect(other.status).toBe('pass');
    expect(other.detail).toContain('Acme Helpdesk');
    expect(other.detail).toContain('https://helpdesk.example.net/meta/eu');
    expect(check(d, 'waba_subscription').status).toBe('pass');
  });
});

describe('number_status', () => {
  const id = () => h.scenarios.applicationTier.phoneNumberId;
  it.each([
    [{ status: 'PENDING' }, 'fail', /PENDING, not CONNECTED/],
    [{ platform_type: 'ON_PREMISE' }, 'fail', /On-Premises/],
    [{ can_send_message: 'LIMITED' }, 'warn', /LIMITED/],
  ] as const)('%j → %s', async (patch, status, title) => {
    await control(`/numbers/${id()}`, patch);
    const d = await diagnose(id());
    expect(check(d, 'number_status').status).toBe(status);
    expect(check(d, 'number_status').title).toMatch(title);
    expect(d.verdict).toBe(status === 'fail' ? 'does_not_deliver' : 'at_risk');
    expect(d.firstProblem).toBe('number_status');
  });

  it('refuses an unknown field on the control surface', async () => {
    const res = await fetch(`${h.sandbox.url}/_sandbox/numbers/${id()}`, {
      method: 'POST',
      body: JSON.stringify({ colour: 'red' }),
    });
    expect(res.status).toBe(400);
  });
});

describe('waba_status', () => {
  it.each([
    [{ account_review_status: 'REJECTED' }, 'fail', /rejected/],
    [{ can_send_message: 'BLOCKED' }, 'fail', /blocked/],
    [{ account_review_status: 'PENDING' }, 'warn', /PENDING/],
  ] as const)('%j → %s', async (patch, status, title) => {
    const target = h.scenarios.applicationTier;
    await control(`/wabas/${target.wabaId}`, patch);
    const d = await diagnose(target.phoneNumberId);
    expect(check(d, 'waba_status').status).toBe(status);
    expect(check(d, 'waba_status').title).toMatch(title);
    expect(d.firstProblem).toBe('waba_status');
  });
});

describe('callback_live on the winning URL', () => {
  const id = () => h.scenarios.applicationTier.phoneNumberId;
  const setOverride = (url: string, verifyToken: string) =>
    h.ctx.graph.setPhoneOverride(id(), { overrideCallbackUri: url, verifyToken });

  it('passes for a receiver that refuses a made-up token, and checks the echo when the token is known', async () => {
    const url = `${receiver.url}/echo`;
    await setOverride(url, RECEIVER_TOKEN);
    const probe = check(await diagnose(id()), 'callback_live');
    expect(probe.status).toMatch(/pass|warn/);
    expect(probe.detail).toContain('HTTP 403');
    expect(probe.detail).toContain('Phone number override wins.');

    managed.set(url, { receiverId: R1, name: 'Echo', verifyToken: RECEIVER_TOKEN });
    const known = check(await diagnose(id()), 'callback_live');
    expect(known.status).toMatch(/pass|warn/);
    expect(known.detail).toContain('verify token checked');

    managed.set(url, { receiverId: R1, name: 'Echo', verifyToken: 'another-token' });
    const wrong = check(await diagnose(id()), 'callback_live');
    expect(wrong).toMatchObject({ status: 'fail', fix: { kind: 'receivers', receiverId: R1 } });
    expect(wrong.detail).toContain('HTTP 403');
  });

  it('fails when the receiver now answers a JSON-quoted challenge (sandbox receiver switched)', async () => {
    const url = `${h.sandbox.url}/_sandbox/receiver/demo`;
    await setOverride(url, 'switchboard-demo');
    expect((await diagnose(id())).verdict).not.toBe('does_not_deliver');
    await control('/receiver/demo', { verifyToken: 'switchboard-demo', answer: 'quoted' }, 'PUT');
    const d = await diagnose(id());
    expect(check(d, 'callback_live').status).toBe('fail');
    expect(check(d, 'callback_live').detail).toContain('JSON quotes');
    expect(d).toMatchObject({ verdict: 'does_not_deliver', firstProblem: 'callback_live' });
  });

  it('calls each distinct URL once when checking many numbers', async () => {
    const url = `${receiver.url}/echo`;
    const [a, b] = [
      h.scenarios.applicationTier.phoneNumberId,
      h.fixture.scenarios.phoneNumberTier.phoneNumberId,
    ];
    await h.ctx.graph.setPhoneOverride(a, { overrideCallbackUri: url, verifyToken: RECEIVER_TOKEN });
    await h.ctx.graph.setPhoneOverride(b as string, {
      overrideCallbackUri: url,
      verifyToken: RECEIVER_TOKEN,
    });
    const before = receiver.hits.length;
    const run = new DoctorRun(ctx);
    await Promise.all([diagnose(a, run), diagnose(b as string, run)]);
    expect(receiver.hits.length - before).toBe(1);
  });
});

describe('diagnoseWaba', () => {
  it("gives the WABA's shared conditions once and every number's verdict", async () => {
    const { wabaId } = h.scenarios.unsubscribedWaba;
    const d = await diagnoseWaba(new DoctorRun(ctx), wabaId);
    if (!d) throw new Error('no WABA diagnosis');
    expect(d.shared.map((c) => c.id)).toEqual([
      'token',
      'app_subscription',
      'messages_field',
      'waba_subscription',
      'waba_status',
      'other_apps',
    ]);
    expect(d.numbers.length).toBe(3);
    expect(new Set(d.numbers.map((n) => n.firstProblem))).toEqual(new Set(['waba_subscription']));
    const us = await diagnoseWaba(new DoctorRun(ctx), h.scenarios.applicationTier.wabaId);
    const verdicts = new Map(us?.numbers.map((n) => [n.phoneNumberId, n.verdict]));
    expect(verdicts.get(h.scenarios.applicationTier.phoneNumberId)).toBe('delivers');
    // The seeded On-Premises number of Acme Retail US.
    expect(
      us?.numbers.some((n) => n.firstProblem === 'number_status' && n.verdict === 'does_not_deliver'),
    ).toBe(true);
    expect(await diagnoseWaba(new DoctorRun(ctx), '999999999')).toBeNull();
  });
});

describe('the demo fleet', () => {
  it('shows an app whose app-level subscription lacks messages (Orders Bot on Acme Support AU)', async () => {
    const bot = h.fixture.apps.find((a) => a.name === 'Orders Bot');
    if (!bot) throw new Error('no Orders Bot in the demo fleet');
    const graph = createGraphClient({
      baseUrl: h.sandbox.url,
      version: h.fixture.graphVersion,
      accessToken: bot.accessToken,
      timeoutMs: 5_000,
      maxRetries: 0,
    });
    const botCtx = {
      ...ctx,
      graph,
      appId: bot.id,
      accessToken: bot.accessToken,
      appAccessToken: bot.appAccessToken,
      fleetCache: new FleetCache(),
    };
    const auNumber = '106540352200013';
    const d = await diagnose(auNumber, new DoctorRun(botCtx));
    expect(check(d, 'waba_subscription').status).toBe('pass');
    expect(d).toMatchObject({ verdict: 'does_not_deliver', firstProblem: 'messages_field' });
  });
});
