import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getWaba } from './get-waba';
import { listWabas } from './list-wabas';
import { RECEIVER_TOKEN, startReceiver, startRoutingHarness, type TestReceiver } from './test-support';
import { clearWabaOverride, setWabaOverride } from './waba-override';
import { subscribeApp, unsubscribeApp } from './waba-subscription';

let h: Awaited<ReturnType<typeof startRoutingHarness>>;
let receiver: TestReceiver;
const actor = { id: null, email: 'admin@example.com' };

beforeAll(async () => {
  [h, receiver] = await Promise.all([startRoutingHarness(), startReceiver()]);
});
afterAll(async () => {
  await Promise.all([h.close(), receiver.close()]);
});
beforeEach(async () => {
  await h.reset();
  await h.clearCalls();
});

const EU_WABA = 'https://eu.hooks.example.com/whatsapp';
const HELPDESK_EU = 'https://helpdesk.example.net/meta/eu';

async function onlyRow(targetId: string) {
  const rows = await h.changeRows(targetId);
  expect(rows).toHaveLength(1);
  expect(JSON.stringify(rows)).not.toContain(RECEIVER_TOKEN);
  return rows[0];
}

describe('setWabaOverride', () => {
  it('sets the override, reads back subscribed_apps, and moves numbers onto the WABA tier', async () => {
    const { wabaId, phoneNumberId } = h.scenarios.applicationTier;
    const url = `${receiver.url}/echo`;
    const outcome = await setWabaOverride(
      h.ctx,
      { wabaId, overrideCallbackUri: url, verifyToken: RECEIVER_TOKEN, expected: null },
      actor,
    );
    expect(outcome).toMatchObject({
      kind: 'applied',
      after: { wabaId, subscribed: true, wabaOverride: url, numberCount: 6 },
    });
    const detail = await getWaba(h.ctx, wabaId);
    expect(detail?.numbers.find((n) => n.phoneNumberId === phoneNumberId)?.resolution).toMatchObject({
      winner: 'whatsapp_business_account',
      url,
    });
    expect((await h.writes()).map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /${h.fixture.graphVersion}/${wabaId}/subscribed_apps`,
    ]);
    expect(await onlyRow(wabaId)).toMatchObject({
      action: 'waba_override.set',
      outcome: 'success',
      before: { subscribed: true, wabaOverride: null },
      after: { subscribed: true, wabaOverride: url },
    });
  });

  it("replaces this app's override and leaves another app's override alone", async () => {
    const { wabaId, secondAppId } = h.scenarios.sharedWaba;
    const url = `${receiver.url}/echo?region=eu`;
    const outcome = await setWabaOverride(h.ctx, {
      wabaId,
      overrideCallbackUri: url,
      verifyToken: RECEIVER_TOKEN,
      expected: EU_WABA,
    });
    expect(outcome).toMatchObject({ kind: 'applied', after: { wabaOverride: url } });
    const apps = (await getWaba(h.ctx, wabaId))?.subscribedApps;
    expect(apps?.find((a) => a.appId === secondAppId)?.overrideCallbackUri).toBe(HELPDESK_EU);
  });

  it('refuses a stale form and a failing receiver without writing', async () => {
    const { wabaId } = h.scenarios.sharedWaba;
    const stale = await setWabaOverride(h.ctx, {
      wabaId,
      overrideCallbackUri: `${receiver.url}/echo`,
      verifyToken: RECEIVER_TOKEN,
      expected: null,
    });
    expect(stale).toEqual({ kind: 'stale', expected: null, current: EU_WABA });
    const failing = await setWabaOverride(h.ctx, {
      wabaId,
      overrideCallbackUri: `${receiver.url}/missing`,
      verifyToken: RECEIVER_TOKEN,
      expected: EU_WABA,
    });
    expect(failing).toMatchObject({
      kind: 'preflight_failed',
      preflight: { reason: 'http_status', httpStatus: 404 },
    });
    expect(await h.writes()).toEqual([]);
    expect((await h.changeRows(wabaId)).map((r) => r.outcome)).toEqual(['refused', 'refused']);
  });

  it('offers Subscribe on a WABA this app is not subscribed to', async () => {
    const { wabaId } = h.scenarios.unsubscribedWaba;
    const outcome = await setWabaOverride(h.ctx, {
      wabaId,
      overrideCallbackUri: `${receiver.url}/echo`,
      verifyToken: RECEIVER_TOKEN,
      expected: null,
    });
    expect(outcome).toMatchObject({ kind: 'graph_error', error: { code: 100, suggestSubscribe: true } });
    expect(await onlyRow(wabaId)).toMatchObject({ outcome: 'failure', errorCode: 100 });
  });
});

describe('clearWabaOverride', () => {
  it('clears by re-subscribing: still subscribed, numbers fall back to the app callback', async () => {
    const { wabaId, phoneNumberId } = h.scenarios.wabaTier;
    const outcome = await clearWabaOverride(h.ctx, { wabaId, expected: EU_WABA }, actor);
    expect(outcome).toMatchObject({ kind: 'applied', after: { subscribed: true, wabaOverride: null } });
    const detail = await getWaba(h.ctx, wabaId);
    expect(detail?.numbers.find((n) => n.phoneNumberId === phoneNumberId)?.resolution.winner).toBe(
      'application',
    );
    expect(detail?.subscribedApps.find((a) => !a.isThisApp)?.overrideCallbackUri).toBe(HELPDESK_EU);
    expect((await h.writes()).map((c) => c.method)).toEqual(['POST']);
    expect(await onlyRow(wabaId)).toMatchObject({ action: 'waba_override.clear', outcome: 'success' });
  });

  it('refuses when there is nothing to clear or the app is not subscribed (clearing would subscribe it)', async () => {
    expect(
      await clearWabaOverride(h.ctx, { wabaId: h.scenarios.applicationTier.wabaId, expected: null }),
    ).toEqual({
      kind: 'refused',
      message: 'This app has no WABA override to clear.',
    });
    expect(
      await clearWabaOverride(h.ctx, { wabaId: h.scenarios.unsubscribedWaba.wabaId, expected: null }),
    ).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/not subscribed/),
    });
    expect(await h.writes()).toEqual([]);
  });
});

describe('subscribeApp / unsubscribeApp', () => {
  it('subscribes, after which the WABA delivers (a stale phone override there wins again)', async () => {
    const { wabaId } = h.scenarios.unsubscribedWaba;
    await listWabas(h.ctx); // a cached fleet must not hide the change
    const outcome = await subscribeApp(h.ctx, { wabaId }, actor);
    expect(outcome).toMatchObject({
      kind: 'applied',
      after: { wabaId, subscribed: true, wabaOverride: null },
    });
    expect((await listWabas(h.ctx, { q: wabaId })).items[0]?.subscribed).toBe(true);
    const winners = (await getWaba(h.ctx, wabaId))?.numbers.map((n) => n.resolution.winner);
    expect(winners).toContain('phone_number');
    expect(winners).toContain('application');
    expect(await onlyRow(wabaId)).toMatchObject({
      action: 'waba.subscribe',
      outcome: 'success',
      after: { subscribed: true },
    });
  });

  it('refuses to subscribe again, which would silently drop the WABA override', async () => {
    const { wabaId } = h.scenarios.sharedWaba;
    expect(await subscribeApp(h.ctx, { wabaId })).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/already subscribed/),
    });
    expect(await h.writes()).toEqual([]);
    expect((await getWaba(h.ctx, wabaId))?.wabaOverride).toBe(EU_WABA);
  });

  it('unsubscribes, after which no number of the WABA receives anything', async () => {
    const { wabaId } = h.scenarios.applicationTier;
    const outcome = await unsubscribeApp(h.ctx, { wabaId }, actor);
    expect(outcome).toMatchObject({ kind: 'applied', after: { subscribed: false } });
    const detail = await getWaba(h.ctx, wabaId);
    expect(detail?.numbers.every((n) => n.resolution.winner === null)).toBe(true);
    expect((await h.writes()).map((c) => c.method)).toEqual(['DELETE']);
    expect(await onlyRow(wabaId)).toMatchObject({ action: 'waba.unsubscribe', outcome: 'success' });
    expect(await unsubscribeApp(h.ctx, { wabaId })).toMatchObject({ kind: 'refused' });
    expect((await h.writes()).length).toBe(1);
  });
});
