import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryView, Emission } from './emit-log';
import { EMIT_TEST_TOKEN, startEmitTestReceiver } from './emit-test-receiver';
import { startTestSandbox } from './test-helpers';

let t: Awaited<ReturnType<typeof startTestSandbox>>;
let rx: Awaited<ReturnType<typeof startEmitTestReceiver>>;
beforeAll(async () => {
  [t, rx] = await Promise.all([startTestSandbox(), startEmitTestReceiver()]);
});
afterAll(async () => {
  await t.sandbox.close();
  await rx.close();
});
beforeEach(async () => {
  await t.reset();
  rx.clear();
});

const apps = () =>
  t.fixture.apps as [(typeof t.fixture.apps)[0], (typeof t.fixture.apps)[0], (typeof t.fixture.apps)[0]];
const s = () => t.fixture.scenarios;
const sign = (body: Buffer, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function emit(json: Record<string, unknown>) {
  const res = await t.control<{ emission: Emission; error?: string }>('/emit', { json });
  return res;
}

async function setPhoneOverride(phoneNumberId: string, path: string, token = apps()[0].accessToken) {
  const res = await t.graph(`/v23.0/${phoneNumberId}`, {
    token,
    json: { webhook_configuration: { override_callback_uri: rx.url(path), verify_token: EMIT_TEST_TOKEN } },
  });
  expect(res.status).toBe(200);
}

async function setWabaOverride(wabaId: string, path: string, token = apps()[0].accessToken) {
  const res = await t.graph(`/v23.0/${wabaId}/subscribed_apps`, {
    token,
    json: { override_callback_uri: rx.url(path), verify_token: EMIT_TEST_TOKEN },
  });
  expect(res.status).toBe(200);
}

async function setAppCallback(path: string, app = apps()[0]) {
  const res = await t.graph(`/v23.0/${app.id}/subscriptions`, {
    token: app.appAccessToken,
    form: { object: 'whatsapp_business_account', callback_url: rx.url(path), verify_token: EMIT_TEST_TOKEN },
  });
  expect(res.status).toBe(200);
}

describe('routing of emitted messages webhooks', () => {
  it('delivers to the phone override, signed with the app secret over the exact body', async () => {
    await setPhoneOverride(s().phoneNumberTier.phoneNumberId, '/phone');
    const res = await emit({ phoneNumberId: s().phoneNumberTier.phoneNumberId });
    expect(res.status).toBe(200);
    const mine = res.body.emission.targets.find((x) => x.appId === apps()[0].id);
    expect(mine).toMatchObject({ tier: 'phone_number', url: rx.url('/phone'), outcome: 'delivered' });
    expect(mine?.attempts).toEqual([expect.objectContaining({ status: 200 })]);
    const [post] = rx.postsTo('/phone');
    expect(post?.headers['x-hub-signature-256']).toBe(sign(post?.body ?? Buffer.alloc(0), apps()[0].secret));
    expect(post?.headers['x-sandbox-routing-tier']).toBe('phone_number');
    const payload = JSON.parse(post?.body.toString() ?? '{}');
    expect(payload).toMatchObject({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: s().phoneNumberTier.wabaId,
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: s().phoneNumberTier.phoneNumberId },
                messages: [{ id: expect.stringMatching(/^wamid\./), type: 'text' }],
              },
            },
          ],
        },
      ],
    });
  });

  it('uses the WABA override when the number has none, and the phone override still wins where set', async () => {
    await setWabaOverride(s().wabaTier.wabaId, '/waba');
    const waba = await emit({ phoneNumberId: s().wabaTier.phoneNumberId });
    expect(waba.body.emission.targets.find((x) => x.appId === apps()[0].id)).toMatchObject({
      tier: 'whatsapp_business_account',
      outcome: 'delivered',
    });
    // The Dublin number keeps its seeded phone override (an example.com URL the offline sandbox skips).
    const phone = await emit({ phoneNumberId: s().phoneNumberTier.phoneNumberId });
    expect(phone.body.emission.targets.find((x) => x.appId === apps()[0].id)).toMatchObject({
      tier: 'phone_number',
      url: 'https://store-dublin.example.com/wa',
      outcome: 'skipped',
      reason: 'not_loopback',
    });
    expect(rx.postsTo('/waba')).toHaveLength(1);
  });

  it('falls back to the app callback and sends a status event when asked', async () => {
    await setAppCallback('/app');
    const res = await emit({
      phoneNumberId: s().applicationTier.phoneNumberId,
      kind: 'status',
      status: 'read',
    });
    expect(res.body.emission.targets).toEqual([
      expect.objectContaining({ appId: apps()[0].id, tier: 'application', outcome: 'delivered' }),
    ]);
    const value = JSON.parse(rx.postsTo('/app')[0]?.body.toString() ?? '{}').entry[0].changes[0].value;
    expect(value.statuses).toEqual([
      expect.objectContaining({ status: 'read', id: expect.stringMatching(/^wamid\./) }),
    ]);
    expect(value.messages).toBeUndefined();
  });

  it('delivers to every subscribed app by its own tiers and secret, and to no unsubscribed app', async () => {
    await setWabaOverride(s().sharedWaba.wabaId, '/main');
    await setWabaOverride(s().sharedWaba.wabaId, '/helpdesk', apps()[1].accessToken);
    const res = await emit({ phoneNumberId: s().wabaTier.phoneNumberId });
    expect(res.body.emission.targets.map((x) => [x.appId, x.tier, x.outcome])).toEqual([
      [apps()[0].id, 'whatsapp_business_account', 'delivered'],
      [apps()[1].id, 'whatsapp_business_account', 'delivered'],
    ]);
    const [main] = rx.postsTo('/main');
    const [helpdesk] = rx.postsTo('/helpdesk');
    expect(main?.body.equals(helpdesk?.body ?? Buffer.alloc(0))).toBe(true);
    expect(main?.headers['x-hub-signature-256']).toBe(sign(main?.body ?? Buffer.alloc(0), apps()[0].secret));
    expect(helpdesk?.headers['x-hub-signature-256']).toBe(
      sign(helpdesk?.body ?? Buffer.alloc(0), apps()[1].secret),
    );
    // Acme Labs: apps[0] is not subscribed, so only apps[1] is a target.
    const labs = await emit({ phoneNumberId: s().unsubscribedWaba.phoneNumberId });
    expect(labs.body.emission.targets.map((x) => x.appId)).toEqual([apps()[1].id]);
  });
});

describe('fields that do not follow overrides', () => {
  it('sends account_update and template updates to the app callback even with phone and WABA overrides', async () => {
    await setPhoneOverride(s().phoneNumberTier.phoneNumberId, '/phone');
    await setWabaOverride(s().phoneNumberTier.wabaId, '/waba');
    await setAppCallback('/app');
    for (const field of ['account_update', 'message_template_status_update']) {
      const res = await emit({ phoneNumberId: s().phoneNumberTier.phoneNumberId, field });
      expect(res.body.emission.followsOverrides).toBe(false);
      expect(res.body.emission.targets.find((x) => x.appId === apps()[0].id)).toMatchObject({
        tier: 'application',
        url: rx.url('/app'),
        outcome: 'delivered',
      });
    }
    expect(rx.postsTo('/phone')).toHaveLength(0);
    expect(rx.postsTo('/waba')).toHaveLength(0);
    const fields = rx.postsTo('/app').map((p) => JSON.parse(p.body.toString()).entry[0].changes[0].field);
    expect(fields).toEqual(['account_update', 'message_template_status_update']);
    // The messages field on the same number still follows the phone override.
    await emit({ phoneNumberId: s().phoneNumberTier.phoneNumberId });
    expect(rx.postsTo('/phone')).toHaveLength(1);
  });

  it('skips apps not subscribed to the field at the app level, until they subscribe', async () => {
    const phoneNumberId = s().applicationTier.phoneNumberId;
    const before = await emit({ phoneNumberId, field: 'phone_number_name_update' });
    expect(before.body.emission.targets[0]).toMatchObject({
      outcome: 'skipped',
      reason: 'field_not_subscribed',
    });
    await setAppCallback('/app');
    const subscribe = await t.graph(`/v23.0/${apps()[0].id}/subscriptions`, {
      token: apps()[0].appAccessToken,
      form: { object: 'whatsapp_business_account', fields: 'messages,phone_number_name_update' },
    });
    expect(subscribe.status).toBe(200);
    const after = await emit({ phoneNumberId, field: 'phone_number_name_update' });
    expect(after.body.emission.targets[0]).toMatchObject({ tier: 'application', outcome: 'delivered' });
    const value = JSON.parse(rx.postsTo('/app')[0]?.body.toString() ?? '{}').entry[0].changes[0].value;
    expect(value).toMatchObject({ decision: 'APPROVED', rejection_reason: null });
  });
});

describe('retries', () => {
  it('retries non-200 answers with backoff and the same bytes, then succeeds', async () => {
    await setPhoneOverride(s().phoneNumberTier.phoneNumberId, '/flaky');
    rx.script('/flaky', [500, 503]);
    const res = await emit({
      phoneNumberId: s().phoneNumberTier.phoneNumberId,
      wait: true,
      retry: { maxAttempts: 5, baseDelayMs: 30 },
    });
    const mine = res.body.emission.targets.find((x) => x.appId === apps()[0].id);
    expect(mine?.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(mine?.outcome).toBe('delivered');
    const times = mine?.attempts.map((a) => Date.parse(a.at)) ?? [];
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(55);
    const bodies = rx.postsTo('/flaky').map((p) => p.body.toString());
    expect(new Set(bodies).size).toBe(1);
  });

  it('gives up after the attempt limit, and a slow receiver gets duplicates', async () => {
    await setPhoneOverride(s().phoneNumberTier.phoneNumberId, '/down');
    rx.script('/down', [500, 500, 500, 500]);
    const down = await emit({
      phoneNumberId: s().phoneNumberTier.phoneNumberId,
      wait: true,
      retry: { maxAttempts: 3, baseDelayMs: 1 },
    });
    expect(down.body.emission.targets.find((x) => x.appId === apps()[0].id)).toMatchObject({
      outcome: 'failed',
    });
    expect(rx.postsTo('/down')).toHaveLength(3);

    await setPhoneOverride(s().phoneNumberTier.phoneNumberId, '/slow');
    rx.delay('/slow', 300);
    const slow = await emit({
      phoneNumberId: s().phoneNumberTier.phoneNumberId,
      wait: true,
      retry: { maxAttempts: 2, baseDelayMs: 1, timeoutMs: 100 },
    });
    expect(slow.body.emission.targets.find((x) => x.appId === apps()[0].id)?.attempts).toEqual([
      expect.objectContaining({ status: null, error: 'no answer within 100 ms' }),
      expect.objectContaining({ status: null }),
    ]);
    // The receiver got the same event twice: exactly the duplicate a receiver must absorb.
    expect(rx.postsTo('/slow')).toHaveLength(2);
  });

  it('answers after first attempts by default, records later ones, and reset cancels pending retries', async () => {
    await setPhoneOverride(s().phoneNumberTier.phoneNumberId, '/later');
    rx.script('/later', [500]);
    const res = await emit({ phoneNumberId: s().phoneNumberTier.phoneNumberId, retry: { baseDelayMs: 50 } });
    const id = res.body.emission.id;
    expect(res.body.emission.targets.find((x) => x.appId === apps()[0].id)?.outcome).toBe('pending');
    await expect
      .poll(async () => {
        const list = await t.control<{ data: DeliveryView[] }>(`/deliveries?emissionId=${id}`);
        return list.body.data.find((d) => d.appId === apps()[0].id)?.outcome;
      })
      .toBe('delivered');

    rx.script('/later', [500, 500, 500]);
    await emit({ phoneNumberId: s().phoneNumberTier.phoneNumberId, retry: { baseDelayMs: 200 } });
    await t.reset();
    await new Promise((r) => setTimeout(r, 500));
    expect(rx.postsTo('/later')).toHaveLength(3);
    expect((await t.control<{ data: DeliveryView[] }>('/deliveries')).body.data).toEqual([]);
  });
});

describe('the emit and deliveries control calls', () => {
  it('validate input and filter by phone number', async () => {
    expect((await emit({ phoneNumberId: '999' })).status).toBe(404);
    const bad = await emit({ phoneNumberId: s().wabaTier.phoneNumberId, field: 'not_a_field' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^field/);
    await emit({ phoneNumberId: s().wabaTier.phoneNumberId });
    await emit({ phoneNumberId: s().applicationTier.phoneNumberId });
    const list = await t.control<{ data: DeliveryView[] }>(
      `/deliveries?phoneNumberId=${s().applicationTier.phoneNumberId}`,
    );
    expect(list.body.data.map((d) => [d.phoneNumberId, d.tier, d.field])).toEqual([
      [s().applicationTier.phoneNumberId, 'application', 'messages'],
    ]);
    expect(JSON.stringify(list.body)).not.toContain(apps()[0].secret);
  });
});
