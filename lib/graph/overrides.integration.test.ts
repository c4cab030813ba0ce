/**
 * Client ↔ sandbox: phone and WABA overrides, subscribe/unsubscribe, with a real local receiver answering
 * (or failing) the live verification GET, and every error the sandbox enforces as Meta does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CallbackServer, startCallbackServer } from './test-helpers/callback-server';
import { graphFailure as failure } from './test-helpers/graph-failure';
import { withSandbox } from './test-helpers/sandbox';

const h = withSandbox();
const VERIFY = 'verify+me 42';
let receiver: CallbackServer | undefined;

beforeEach(async () => {
  await h.reset();
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('phone number override', () => {
  it('sets after a successful live verification, reads back, and clears', async () => {
    receiver = await startCallbackServer('echo', VERIFY);
    const graph = h.client(0);
    const { phoneNumberId } = h.fixture.scenarios.wabaTier;
    await graph.setPhoneOverride(phoneNumberId, { overrideCallbackUri: receiver.url, verifyToken: VERIFY });
    expect(receiver.checks).toHaveLength(1);
    expect(receiver.checks[0]?.get('hub.mode')).toBe('subscribe');
    expect(receiver.checks[0]?.get('hub.verify_token')).toBe(VERIFY);
    expect((await graph.getWebhookConfiguration(phoneNumberId)).phone_number).toBe(receiver.url);

    await graph.clearPhoneOverride(phoneNumberId);
    const after = await graph.getWebhookConfiguration(phoneNumberId);
    expect(after.phone_number).toBeUndefined();
    expect(after.whatsapp_business_account).toMatch(/^https:/);
  });

  it.each([
    ['wrong-challenge', /\(#2200\)|Callback verification failed/],
    ['not-found', /404/],
    ['json-quoted', /\(#2200\)|Callback verification failed/],
  ] as const)(
    'fails with 2200 when the receiver answers %s, leaving the tier unchanged',
    async (mode, pattern) => {
      receiver = await startCallbackServer(mode);
      const graph = h.client(0);
      const { phoneNumberId } = h.fixture.scenarios.wabaTier;
      const error = await failure(
        graph.setPhoneOverride(phoneNumberId, { overrideCallbackUri: receiver.url, verifyToken: VERIFY }),
      );
      expect(error).toMatchObject({
        code: 2200,
        isTransient: false,
        method: 'POST',
        path: `/${phoneNumberId}`,
      });
      expect(error.message).toMatch(pattern);
      expect(error.fbtraceId).toEqual(expect.any(String));
      expect(receiver.checks).toHaveLength(1);
      expect((await graph.getWebhookConfiguration(phoneNumberId)).phone_number).toBeUndefined();
    },
  );

  it('refuses a URL over 200 characters with error 100, before any verification', async () => {
    receiver = await startCallbackServer('echo');
    const long = `${receiver.url}?${'x'.repeat(200 - receiver.url.length)}`;
    expect(long.length).toBe(201);
    const error = await failure(
      h.client(0).setPhoneOverride(h.fixture.scenarios.wabaTier.phoneNumberId, {
        overrideCallbackUri: long,
        verifyToken: VERIFY,
      }),
    );
    expect(error).toMatchObject({ code: 100, isTransient: false });
    expect(receiver.checks).toHaveLength(0);
  });

  it('accepts a URL of exactly 200 characters', async () => {
    receiver = await startCallbackServer('echo');
    const exact = `${receiver.url}?${'x'.repeat(199 - receiver.url.length)}`;
    expect(exact.length).toBe(200);
    await h.client(0).setPhoneOverride(h.fixture.scenarios.wabaTier.phoneNumberId, {
      overrideCallbackUri: exact,
      verifyToken: VERIFY,
    });
  });

  it('refuses a missing verify token with error 100', async () => {
    receiver = await startCallbackServer('echo');
    const error = await failure(
      h.client(0).setPhoneOverride(h.fixture.scenarios.wabaTier.phoneNumberId, {
        overrideCallbackUri: receiver.url,
        verifyToken: '',
      }),
    );
    expect(error.code).toBe(100);
    expect(error.message).toMatch(/verify_token/);
  });

  it('refuses an override when the app is not subscribed to the WABA', async () => {
    receiver = await startCallbackServer('echo');
    const { phoneNumberId } = h.fixture.scenarios.unsubscribedWaba;
    const error = await failure(
      h.client(0).setPhoneOverride(phoneNumberId, { overrideCallbackUri: receiver.url, verifyToken: VERIFY }),
    );
    expect(error.code).toBe(100);
    expect(error.message).toMatch(
      /\(#100\) Before override the current callback uri, your app must be subscribed/,
    );
  });

  it("keeps one app's override invisible to another app", async () => {
    receiver = await startCallbackServer('echo');
    const { phoneNumberId } = h.fixture.scenarios.applicationTier;
    await h
      .client(0)
      .setPhoneOverride(phoneNumberId, { overrideCallbackUri: receiver.url, verifyToken: VERIFY });
    expect((await h.client(0).getWebhookConfiguration(phoneNumberId)).phone_number).toBe(receiver.url);
    expect((await h.client(1).getWebhookConfiguration(phoneNumberId)).phone_number).not.toBe(receiver.url);
  });
});

describe('WABA subscription and override', () => {
  const mine = async (wabaId: string) =>
    (await h.client(0).listSubscribedApps(wabaId)).find(
      (a) => a.whatsapp_business_api_data.id === h.app(0).id,
    );

  it('subscribes, sets and clears the WABA override, and unsubscribes', async () => {
    receiver = await startCallbackServer('echo', VERIFY);
    const graph = h.client(0);
    const { wabaId, phoneNumberId } = h.fixture.scenarios.unsubscribedWaba;
    expect(await mine(wabaId)).toBeUndefined();

    await graph.subscribeApp(wabaId);
    expect(await mine(wabaId)).toMatchObject({ whatsapp_business_api_data: { id: h.app(0).id } });
    expect((await mine(wabaId))?.override_callback_uri).toBeUndefined();

    await graph.setWabaOverride(wabaId, { overrideCallbackUri: receiver.url, verifyToken: VERIFY });
    expect(receiver.checks).toHaveLength(1);
    expect((await mine(wabaId))?.override_callback_uri).toBe(receiver.url);
    expect((await graph.getWebhookConfiguration(phoneNumberId)).whatsapp_business_account).toBe(receiver.url);

    await graph.clearWabaOverride(wabaId);
    expect(await mine(wabaId)).toBeDefined();
    expect((await mine(wabaId))?.override_callback_uri).toBeUndefined();
    expect((await graph.getWebhookConfiguration(phoneNumberId)).whatsapp_business_account).toBeUndefined();

    await graph.unsubscribeApp(wabaId);
    expect(await mine(wabaId)).toBeUndefined();
  });

  it("leaves other apps' WABA overrides alone", async () => {
    const { wabaId, secondAppId } = h.fixture.scenarios.sharedWaba;
    const other = async () =>
      (await h.client(0).listSubscribedApps(wabaId)).find(
        (a) => a.whatsapp_business_api_data.id === secondAppId,
      );
    const before = (await other())?.override_callback_uri;
    expect(before).toMatch(/^https:/);
    await h.client(0).clearWabaOverride(wabaId);
    expect((await other())?.override_callback_uri).toBe(before);
  });

  it('fails the WABA override with 2200 when verification fails', async () => {
    receiver = await startCallbackServer('not-found');
    const { wabaId } = h.fixture.scenarios.applicationTier;
    const error = await failure(
      h.client(0).setWabaOverride(wabaId, { overrideCallbackUri: receiver.url, verifyToken: VERIFY }),
    );
    expect(error.code).toBe(2200);
    expect(error.message).toMatch(/HTTP Status Code = 404/);
    expect((await mine(wabaId))?.override_callback_uri).toBeUndefined();
  });

  it('refuses a WABA override over 200 characters or without a verify token', async () => {
    const { wabaId } = h.fixture.scenarios.applicationTier;
    const long = `https://example.com/${'a'.repeat(190)}`;
    expect(
      (await failure(h.client(0).setWabaOverride(wabaId, { overrideCallbackUri: long, verifyToken: VERIFY })))
        .code,
    ).toBe(100);
    const missing = await failure(
      h.client(0).setWabaOverride(wabaId, { overrideCallbackUri: 'https://example.com/x', verifyToken: '' }),
    );
    expect(missing.code).toBe(100);
  });

  it('keeps the verify token out of errors', async () => {
    receiver = await startCallbackServer('wrong-challenge');
    const secret = 'super-secret-verify-token-777';
    const error = await failure(
      h.client(0).setWabaOverride(h.fixture.scenarios.applicationTier.wabaId, {
        overrideCallbackUri: receiver.url,
        verifyToken: secret,
      }),
    );
    expect([error.message, error.stack, JSON.stringify(error)].join('\n')).not.toContain(secret);
  });
});
