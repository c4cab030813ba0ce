/**
 * Several apps on one WABA, against the sandbox: each app reads and writes with its own token, so each write
 * changes only that app's scoping (its phone overrides, its subscription and WABA override), as Graph does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FixtureApp } from '@/lib/graph-sandbox/fixture-identities';
import type { RoutingContext } from './context';
import { getNumberApps } from './number-apps';
import { clearPhoneOverride, setPhoneOverride } from './phone-override';
import { RECEIVER_TOKEN, startReceiver, startRoutingHarness, type TestReceiver } from './test-support';
import { clearWabaOverride, setWabaOverride } from './waba-override';
import { subscribeApp, unsubscribeApp } from './waba-subscription';

let h: Awaited<ReturnType<typeof startRoutingHarness>>;
let receiver: TestReceiver;
let main: FixtureApp;
let helpdesk: FixtureApp;
let mainCtx: RoutingContext;
let helpdeskCtx: RoutingContext;
const actor = { id: null, email: 'operator@example.com' };

beforeAll(async () => {
  [h, receiver] = await Promise.all([startRoutingHarness(), startReceiver()]);
  [main, helpdesk] = h.fixture.apps as [FixtureApp, FixtureApp];
  mainCtx = h.ctx;
  helpdeskCtx = h.contextFor(helpdesk);
});
afterAll(async () => {
  await Promise.all([h.close(), receiver.close()]);
});
beforeEach(async () => {
  await h.reset();
});

/** What the sandbox holds for one app, read through its control surface (not through the services). */
async function scopeOf(app: FixtureApp) {
  const state = await h.control.state();
  const entry = state.apps.find((a) => a.id === app.id);
  if (!entry) throw new Error(`no app ${app.id}`);
  return entry;
}

describe('every app on the WABA, side by side', () => {
  it("reads each configured app's tiers with its own token: one subscribed_apps read plus one read per app", async () => {
    const { wabaId, secondAppPhoneNumberId } = h.scenarios.sharedWaba;
    if (!secondAppPhoneNumberId) throw new Error('fixture lacks the second app phone override');
    await getNumberApps([mainCtx, helpdeskCtx], secondAppPhoneNumberId); // warms the fleet lookup
    await h.clearCalls();
    const view = await getNumberApps([mainCtx, helpdeskCtx], secondAppPhoneNumberId);
    if (!view) throw new Error('number not found');
    const helpdeskPhone = (await scopeOf(helpdesk)).phoneOverrides.find(
      (o) => o.phoneNumberId === secondAppPhoneNumberId,
    );
    expect(view.apps.map((app) => [app.appLabel, app.subscribed, app.resolution?.winner])).toEqual([
      [main.name, true, 'whatsapp_business_account'],
      [helpdesk.name, true, 'phone_number'],
    ]);
    expect(view.apps[1]?.resolution?.url).toBe(helpdeskPhone?.overrideCallbackUri);
    expect(view.summary).toBe(
      `Messages for this number reach 2 apps: ${main.name} → ${view.apps[0]?.resolution?.url}, ${helpdesk.name} → ${helpdeskPhone?.overrideCallbackUri}.`,
    );
    const calls = (await h.calls()).filter((call) => call.method === 'GET');
    expect(calls).toHaveLength(3);
    expect(view.wabaId).toBe(wabaId);
  });

  it('shows an app subscribed to the WABA but not configured with what Graph tells: its WABA override', async () => {
    const { wabaId, secondAppPhoneNumberId } = h.scenarios.sharedWaba;
    const view = await getNumberApps([mainCtx], secondAppPhoneNumberId ?? '');
    const helpdeskSub = (await scopeOf(helpdesk)).subscriptions.find((s) => s.wabaId === wabaId);
    expect(view?.unconfigured).toEqual([
      { appId: helpdesk.id, name: helpdesk.name, wabaOverride: helpdeskSub?.overrideCallbackUri ?? null },
    ]);
    expect(view?.summary).toMatch(
      /reach 1 app: .* Also subscribed, not configured here: Acme Helpdesk \(their phone overrides are not visible without their tokens\)\.$/,
    );
  });
});

describe("each app's writes change only its own scoping", () => {
  it("sets and clears the second app's phone override; the first app's route stays", async () => {
    const { phoneNumberId } = h.scenarios.wabaTier;
    const mainBefore = await mainCtx.graph.getWebhookConfiguration(phoneNumberId);
    const mainScopeBefore = await scopeOf(main);
    const url = `${receiver.url}/echo?tenant=helpdesk`;
    const set = await setPhoneOverride(
      helpdeskCtx,
      { phoneNumberId, overrideCallbackUri: url, verifyToken: RECEIVER_TOKEN, expected: null },
      actor,
    );
    expect(set).toMatchObject({ kind: 'applied', after: { tiers: { phone_number: url } } });
    expect((await scopeOf(helpdesk)).phoneOverrides).toContainEqual({
      phoneNumberId,
      overrideCallbackUri: url,
    });
    expect(await scopeOf(main)).toEqual(mainScopeBefore);
    expect(await mainCtx.graph.getWebhookConfiguration(phoneNumberId)).toEqual(mainBefore);
    const [row] = await h.changeRows(phoneNumberId);
    expect(row).toMatchObject({ action: 'phone_override.set', appId: helpdesk.id, outcome: 'success' });

    const cleared = await clearPhoneOverride(helpdeskCtx, { phoneNumberId, expected: url }, actor);
    expect(cleared).toMatchObject({ kind: 'applied' });
    expect((await scopeOf(helpdesk)).phoneOverrides.map((o) => o.phoneNumberId)).not.toContain(phoneNumberId);
    expect(await mainCtx.graph.getWebhookConfiguration(phoneNumberId)).toEqual(mainBefore);
  });

  it("a stale check compares against the acting app's own override, not another app's", async () => {
    const { phoneNumberId } = h.scenarios.phoneNumberTier;
    const mainOverride = (await mainCtx.graph.getWebhookConfiguration(phoneNumberId)).phone_number ?? null;
    expect(mainOverride).not.toBeNull();
    // The helpdesk has no override here: a form loaded with the first app's value is stale for it.
    const outcome = await setPhoneOverride(
      helpdeskCtx,
      {
        phoneNumberId,
        overrideCallbackUri: `${receiver.url}/x`,
        verifyToken: RECEIVER_TOKEN,
        expected: mainOverride,
      },
      actor,
    );
    expect(outcome).toMatchObject({ kind: 'stale', expected: mainOverride, current: null });
  });

  it("sets and clears the second app's WABA override; the first app's subscription stays", async () => {
    const { wabaId } = h.scenarios.sharedWaba;
    const mainScopeBefore = await scopeOf(main);
    const current =
      (await scopeOf(helpdesk)).subscriptions.find((s) => s.wabaId === wabaId)?.overrideCallbackUri ?? null;
    const url = `${receiver.url}/echo?tenant=helpdesk-waba`;
    const set = await setWabaOverride(
      helpdeskCtx,
      { wabaId, overrideCallbackUri: url, verifyToken: RECEIVER_TOKEN, expected: current },
      actor,
    );
    expect(set).toMatchObject({ kind: 'applied', after: { wabaOverride: url } });
    expect((await scopeOf(helpdesk)).subscriptions).toContainEqual({ wabaId, overrideCallbackUri: url });
    expect(await scopeOf(main)).toEqual(mainScopeBefore);
    expect(await clearWabaOverride(helpdeskCtx, { wabaId, expected: url }, actor)).toMatchObject({
      kind: 'applied',
    });
    expect(await scopeOf(main)).toEqual(mainScopeBefore);
    const rows = await h.changeRows(wabaId);
    expect(rows.map((row) => [row.action, row.appId])).toEqual([
      ['waba_override.set', helpdesk.id],
      ['waba_override.clear', helpdesk.id],
    ]);
  });

  it('subscribes and unsubscribes the second app; the first stays subscribed', async () => {
    const { wabaId } = h.scenarios.applicationTier;
    expect((await scopeOf(helpdesk)).subscriptions.map((s) => s.wabaId)).not.toContain(wabaId);
    expect(await subscribeApp(helpdeskCtx, { wabaId }, actor)).toMatchObject({
      kind: 'applied',
      after: { subscribed: true },
    });
    expect((await scopeOf(helpdesk)).subscriptions.map((s) => s.wabaId)).toContain(wabaId);
    expect(await unsubscribeApp(helpdeskCtx, { wabaId }, actor)).toMatchObject({
      kind: 'applied',
      after: { subscribed: false },
    });
    expect((await scopeOf(helpdesk)).subscriptions.map((s) => s.wabaId)).not.toContain(wabaId);
    expect((await scopeOf(main)).subscriptions.map((s) => s.wabaId)).toContain(wabaId);
  });
});
