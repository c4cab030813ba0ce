import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '@/lib/graph-sandbox/test-helpers';
import { latestDeliveryForNumber, listDeliveries } from './queries';
import { readTestEvent, sendTestEvent } from './test-event';
import { startReceiversTestbed } from './test-support';
import { deliveryFiltersSchema } from './types';

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let t: Awaited<ReturnType<typeof startReceiversTestbed>>;
beforeAll(async () => {
  [sandbox, t] = await Promise.all([startTestSandbox(), startReceiversTestbed()]);
});
afterAll(async () => {
  await sandbox.sandbox.close();
  await t.close();
});

describe('send test event through the sandbox to a managed receiver', () => {
  it('shows where each app copy went, by which tier, and the receiver stores it with that tier', async () => {
    const [app, helpdesk] = sandbox.fixture.apps;
    const { phoneNumberId } = sandbox.fixture.scenarios.phoneNumberTier;
    const receiver = await t.create({
      name: 'Dublin store',
      appSecret: app?.secret,
      verifyToken: 'dublin+token',
    });
    // Set the override through Graph: the sandbox verifies the receiver live, as Meta would.
    const set = await sandbox.graph(`/v23.0/${phoneNumberId}`, {
      json: { webhook_configuration: { override_callback_uri: receiver.url, verify_token: 'dublin+token' } },
    });
    expect(set.status).toBe(200);

    const result = await sendTestEvent(t.ctx, sandbox.sandbox.url, {
      phoneNumberId,
      field: 'messages',
      kind: 'message',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.targets).toEqual([
      expect.objectContaining({
        appId: app?.id,
        tier: 'phone_number',
        url: receiver.url,
        outcome: 'delivered',
        receiver: { id: receiver.id, name: 'Dublin store' },
      }),
      expect.objectContaining({
        appId: helpdesk?.id,
        tier: 'whatsapp_business_account',
        outcome: 'skipped',
        receiver: null,
      }),
    ]);
    expect(result.data.settled).toBe(true);

    const page = await listDeliveries(t.ctx.db, receiver.id, deliveryFiltersSchema.parse({}));
    expect(page.items).toEqual([
      expect.objectContaining({
        outcome: 'stored',
        routedTier: 'phone_number',
        phoneNumberIds: [phoneNumberId],
        signatureKey: 'current',
      }),
    ]);
    expect(await latestDeliveryForNumber(t.ctx.db, phoneNumberId)).toMatchObject({
      receiverId: receiver.id,
      routedTier: 'phone_number',
    });
    const again = await readTestEvent(t.ctx, sandbox.sandbox.url, result.data.id);
    expect(again.ok && again.data.targets[0]?.outcome).toBe('delivered');
  });

  it("shows every app's copy: each app's effective URL, whether it arrived, and the configured apps without one", async () => {
    const [app, helpdesk] = sandbox.fixture.apps;
    if (!app || !helpdesk) throw new Error('the fixture has two apps');
    const phoneNumberId = sandbox.fixture.scenarios.sharedWaba.secondAppPhoneNumberId ?? '';
    // The default app's copy goes to a receiver that checks its secret; the second app's copy goes to one
    // set up with the default app's secret, so the second app's signature cannot verify there.
    const mine = await t.create({ name: 'Main store', appSecret: app.secret, verifyToken: 'main-token' });
    const wrong = await t.create({ name: 'Mixed up', appSecret: app.secret, verifyToken: 'helpdesk-token' });
    const setTo = async (token: string, url: string, verifyToken: string) =>
      expect(
        (
          await sandbox.graph(`/v23.0/${phoneNumberId}`, {
            token,
            json: { webhook_configuration: { override_callback_uri: url, verify_token: verifyToken } },
          })
        ).status,
      ).toBe(200);
    await setTo(app.accessToken, mine.url, 'main-token');
    await setTo(helpdesk.accessToken, wrong.url, 'helpdesk-token');

    const configured = [
      { id: app.id, label: 'Switchboard (default)' },
      { id: helpdesk.id, label: 'Acme Helpdesk' },
      { id: '424242424242', label: 'Not subscribed here' },
    ];
    const result = await sendTestEvent(
      t.ctx,
      sandbox.sandbox.url,
      { phoneNumberId, field: 'messages', kind: 'message' },
      configured,
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.data.targets).toEqual([
      expect.objectContaining({
        appId: app.id,
        appLabel: 'Switchboard (default)',
        configured: true,
        tier: 'phone_number',
        url: mine.url,
        outcome: 'delivered',
        arrival: { kind: 'stored' },
      }),
      expect.objectContaining({
        appId: helpdesk.id,
        appLabel: 'Acme Helpdesk',
        configured: true,
        tier: 'phone_number',
        url: wrong.url,
        receiver: { id: wrong.id, name: 'Mixed up' },
        arrival: expect.objectContaining({ kind: 'refused', reason: 'bad_signature' }),
      }),
    ]);
    expect(result.data.withoutCopy).toEqual([{ id: '424242424242', label: 'Not subscribed here' }]);
    // The stored copy is the default app's, under its own receiver only.
    const stored = await listDeliveries(t.ctx.db, mine.id, deliveryFiltersSchema.parse({}));
    expect(stored.items.map((d) => d.outcome)).toEqual(['stored']);
  });

  it('reports an unreachable sandbox or an unknown number as an error, not a throw, telling them apart', async () => {
    const down = await sendTestEvent(t.ctx, 'http://127.0.0.1:9', {
      phoneNumberId: '1',
      field: 'messages',
      kind: 'message',
    });
    expect(down).toEqual({ ok: false, error: 'The Graph sandbox could not be reached', rejected: false });
    const unknown = await sendTestEvent(t.ctx, sandbox.sandbox.url, {
      phoneNumberId: '1',
      field: 'messages',
      kind: 'message',
    });
    expect(unknown).toEqual({ ok: false, error: 'unknown phone number id 1', rejected: true });
  });
});
