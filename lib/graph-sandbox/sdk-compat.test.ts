import { AbstractCrudObject, FacebookAdsApi, WhatsAppBusinessAccount } from 'facebook-nodejs-business-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox } from './test-helpers';

// Issue 14: the sandbox must keep working with Meta's own Node SDK with nothing changed but the base URL.

/**
 * The SDK has no class for a business phone number; its users declare one as its generated classes are declared,
 * a CRUD object with a frozen `Fields` map (the SDK defines a property per field and refuses undeclared ones).
 */
class BusinessPhoneNumber extends AbstractCrudObject {
  static get Fields() {
    return Object.freeze({ id: 'id', webhook_configuration: 'webhook_configuration' });
  }
}

let t: Awaited<ReturnType<typeof startTestSandbox>>;
let api: FacebookAdsApi;
const originalGraph = Object.getOwnPropertyDescriptor(FacebookAdsApi, 'GRAPH');

beforeAll(async () => {
  t = await startTestSandbox();
  // The SDK hard-codes https://graph.facebook.com in the static `FacebookAdsApi.GRAPH` getter and offers no
  // option for it; redefining that one property is the only change, so every URL it builds points here.
  Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => t.sandbox.url, configurable: true });
  // crash_log off: the SDK's crash reporter would otherwise hook the test process's uncaught errors.
  api = FacebookAdsApi.init(t.fixture.apps[0]?.accessToken ?? '', 'en_US', false);
});
afterAll(async () => {
  if (originalGraph) Object.defineProperty(FacebookAdsApi, 'GRAPH', originalGraph);
  await t.sandbox.close();
});
beforeEach(() => t.reset());

const s = () => t.fixture.scenarios;
const app = () => t.fixture.apps[0] ?? { id: '', name: '' };
const demoReceiver = () => {
  const demo = t.fixture.receivers.find((r) => r.name === 'demo');
  if (!demo) throw new Error('the fixture has no demo receiver');
  return demo;
};
const stateOfApp = async () => (await t.client.state()).apps.find((a) => a.id === app().id);
const webhookConfiguration = async (phoneId: string) =>
  (await new BusinessPhoneNumber(phoneId).read(['webhook_configuration']))._data.webhook_configuration;

describe('facebook-nodejs-business-sdk against the sandbox', () => {
  it('sends its calls to the sandbox, at the SDK’s own Graph version', async () => {
    await new WhatsAppBusinessAccount(s().wabaTier.wabaId).getSubscribedApps([]);
    const calls = await t.client.calls();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(
      `GET /${FacebookAdsApi.VERSION}/${s().wabaTier.wabaId}/subscribed_apps`,
    );
    expect(calls.at(-1)?.appId).toBe(app().id);
  });

  it('reads a WABA’s subscribed_apps', async () => {
    const waba = new WhatsAppBusinessAccount(s().wabaTier.wabaId);
    const apps = await waba.getSubscribedApps([]);
    const ours = apps.map((a) => a._data).find((a) => idOf(a.whatsapp_business_api_data) === app().id);
    expect(ours?.whatsapp_business_api_data).toMatchObject({ id: app().id, name: app().name });
    const seeded = (await stateOfApp())?.subscriptions.find((x) => x.wabaId === s().wabaTier.wabaId);
    expect(seeded?.overrideCallbackUri).toBeTruthy();
    expect(ours?.override_callback_uri).toBe(seeded?.overrideCallbackUri);
  });

  it('subscribes the app to an unsubscribed WABA, then unsubscribes it', async () => {
    const wabaId = s().unsubscribedWaba.wabaId;
    const waba = new WhatsAppBusinessAccount(wabaId);
    expect((await stateOfApp())?.subscriptions.some((x) => x.wabaId === wabaId)).toBe(false);

    await waba.createSubscribedApp([]);
    expect((await stateOfApp())?.subscriptions).toContainEqual({ wabaId, overrideCallbackUri: null });
    const listed = (await waba.getSubscribedApps([])).map((a) => idOf(a._data.whatsapp_business_api_data));
    expect(listed).toContain(app().id);

    expect(await waba.deleteSubscribedApps()).toEqual({ success: true });
    expect((await stateOfApp())?.subscriptions.some((x) => x.wabaId === wabaId)).toBe(false);
  });

  it('sets a WABA override to the sandbox’s echo receiver, verified by its token', async () => {
    const wabaId = s().applicationTier.wabaId;
    const { url, verifyToken } = demoReceiver();
    await new WhatsAppBusinessAccount(wabaId).createSubscribedApp([], {
      override_callback_uri: url,
      verify_token: verifyToken,
    });
    expect((await stateOfApp())?.subscriptions).toContainEqual({ wabaId, overrideCallbackUri: url });
    expect(await webhookConfiguration(s().applicationTier.phoneNumberId)).toMatchObject({
      whatsapp_business_account: url,
    });

    // The token really is checked: the receiver's handshake fails on a wrong one and nothing changes.
    const refused = await new WhatsAppBusinessAccount(s().unsubscribedWaba.wabaId)
      .createSubscribedApp([], { override_callback_uri: url, verify_token: `${verifyToken}-wrong` })
      .then(
        () => null,
        (e: unknown) => e as Error,
      );
    expect(refused?.name).toBe('FacebookRequestError');
    expect((await stateOfApp())?.subscriptions.some((x) => x.wabaId === s().unsubscribedWaba.wabaId)).toBe(
      false,
    );
  });

  it('reads a phone number’s webhook_configuration, as Graph reports the three tiers', async () => {
    const config = await webhookConfiguration(s().phoneNumberTier.phoneNumberId);
    const state = await stateOfApp();
    const phoneOverride = state?.phoneOverrides.find(
      (o) => o.phoneNumberId === s().phoneNumberTier.phoneNumberId,
    );
    expect(config).toEqual({
      phone_number: phoneOverride?.overrideCallbackUri,
      whatsapp_business_account: state?.subscriptions.find((x) => x.wabaId === s().phoneNumberTier.wabaId)
        ?.overrideCallbackUri,
      application: t.fixture.apps[0]?.callbackUrl,
    });
  });

  it('sets and clears a phone number override with update()', async () => {
    const phoneId = s().applicationTier.phoneNumberId;
    const { url, verifyToken } = demoReceiver();
    const set = new BusinessPhoneNumber(phoneId, {
      webhook_configuration: { override_callback_uri: url, verify_token: verifyToken },
    });
    expect(await set.update()).toEqual({ success: true });
    expect((await stateOfApp())?.phoneOverrides).toContainEqual({
      phoneNumberId: phoneId,
      overrideCallbackUri: url,
    });
    expect(await webhookConfiguration(phoneId)).toMatchObject({ phone_number: url });

    const clear = new BusinessPhoneNumber(phoneId, { webhook_configuration: { override_callback_uri: '' } });
    expect(await clear.update()).toEqual({ success: true });
    expect((await stateOfApp())?.phoneOverrides.some((o) => o.phoneNumberId === phoneId)).toBe(false);
    expect(await webhookConfiguration(phoneId)).not.toHaveProperty('phone_number');
  });

  it('reads several WABAs with one getByIds call (GET /?ids=)', async () => {
    const ids = [s().wabaTier.wabaId, s().applicationTier.wabaId];
    const wabas = await WhatsAppBusinessAccount.getByIds(ids, ['id', 'name'], {}, api);
    // getByIds passes each answer as the constructor's first argument (SDK 24.0.1), so it lands in `id`.
    const answers = wabas.map((w) => w._data.id as unknown as { id: string; name: string });
    expect(answers.map((a) => a.id).sort()).toEqual([...ids].sort());
    for (const answer of answers) expect(answer.name).toEqual(expect.any(String));
    const calls = await t.client.calls();
    expect(calls.filter((c) => c.method === 'GET' && c.path === `/${FacebookAdsApi.VERSION}/`)).toHaveLength(
      1,
    );
  });

  it('surfaces a Graph refusal as its FacebookRequestError, with the sandbox’s code and message', async () => {
    const error = await new WhatsAppBusinessAccount('999999999999999').getSubscribedApps([]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const refusal = error as Error & {
      status: number;
      response: { code: number; error_subcode: number; message: string };
    };
    expect(refusal.name).toBe('FacebookRequestError');
    expect(refusal.status).toBe(400);
    expect(refusal.response.code).toBe(100);
    expect(refusal.response.error_subcode).toBe(33);
    expect(refusal.message).toBe(refusal.response.message);
    expect(refusal.message).toContain("Object with ID '999999999999999' does not exist");
  });
});

function idOf(data: unknown): string | undefined {
  return (data as { id?: string } | undefined)?.id;
}
