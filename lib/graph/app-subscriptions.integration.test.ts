/** Client ↔ sandbox: the application tier (`/<APP_ID>/subscriptions`) and `/debug_token`, with app tokens. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CallbackServer, startCallbackServer } from './test-helpers/callback-server';
import { graphFailure as failure } from './test-helpers/graph-failure';
import { withSandbox } from './test-helpers/sandbox';

const h = withSandbox();
let receiver: CallbackServer | undefined;

beforeEach(async () => {
  await h.reset();
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('app subscriptions', () => {
  it('reads the app callback with the app access token', async () => {
    const app = h.app(0);
    const subs = await h.client(0).getAppSubscriptions(app.id, app.appAccessToken);
    expect(subs).toEqual([
      expect.objectContaining({
        object: 'whatsapp_business_account',
        callback_url: app.callbackUrl,
        active: true,
        fields: expect.arrayContaining([expect.objectContaining({ name: 'messages' })]),
      }),
    ]);
    const calls = await h.calls();
    expect(calls.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v23.0/${app.id}/subscriptions`,
      appId: app.id,
    });
  });

  it('sets the app callback after live verification, then deletes the subscription', async () => {
    const app = h.app(2);
    receiver = await startCallbackServer('echo', 'app-verify');
    const graph = h.client(2);
    expect(await graph.getAppSubscriptions(app.id, app.appAccessToken)).toEqual([]);

    await graph.setAppSubscription(app.id, app.appAccessToken, {
      callbackUrl: receiver.url,
      verifyToken: 'app-verify',
      fields: ['messages', 'message_template_status_update'],
    });
    expect(receiver.checks).toHaveLength(1);
    const subs = await graph.getAppSubscriptions(app.id, app.appAccessToken);
    expect(subs[0]).toMatchObject({ callback_url: receiver.url });
    expect(subs[0]?.fields.map((f) => f.name)).toEqual(['messages', 'message_template_status_update']);

    await graph.deleteAppSubscription(app.id, app.appAccessToken);
    expect(await graph.getAppSubscriptions(app.id, app.appAccessToken)).toEqual([]);
  });

  it('fails with 2200 when the app callback does not verify', async () => {
    const app = h.app(0);
    receiver = await startCallbackServer('wrong-challenge');
    const error = await failure(
      h.client(0).setAppSubscription(app.id, app.appAccessToken, {
        callbackUrl: receiver.url,
        verifyToken: 'v',
        fields: ['messages'],
      }),
    );
    expect(error.code).toBe(2200);
    expect((await h.client(0).getAppSubscriptions(app.id, app.appAccessToken))[0]?.callback_url).toBe(
      app.callbackUrl,
    );
  });

  it('refuses a system-user token and keeps the app secret out of errors', async () => {
    const app = h.app(0);
    const error = await failure(h.client(0).getAppSubscriptions(app.id, app.accessToken));
    expect(error.code).not.toBeNull();
    expect(error.isTransient).toBe(false);
    const badAppToken = `${app.id}|not-the-secret-123`;
    const bad = await failure(h.client(0).getAppSubscriptions(app.id, badAppToken));
    expect(bad.code).toBe(190);
    expect([bad.message, bad.stack, JSON.stringify(bad)].join()).not.toContain('not-the-secret-123');
  });
});

describe('debug_token', () => {
  it('describes a valid token and an invalid one', async () => {
    const app = h.app(0);
    const info = await h.client(0).debugToken(app.accessToken, app.appAccessToken);
    expect(info).toMatchObject({ app_id: app.id, is_valid: true });
    const invalid = await h.client(0).debugToken('EAAnot-a-real-token', app.appAccessToken);
    expect(invalid.is_valid).toBe(false);
  });
});
