import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  GOOD_TOKEN,
  startTestSandbox,
  startVerificationServer,
  type VerificationServer,
} from './test-helpers';

type Subscriptions = {
  data: Array<{ object: string; callback_url: string; active: boolean; fields: unknown[] }>;
};
type ErrorBody = { error: { code: number; message: string } };

let t: Awaited<ReturnType<typeof startTestSandbox>>;
let receiver: VerificationServer;
beforeAll(async () => {
  [t, receiver] = await Promise.all([startTestSandbox(), startVerificationServer()]);
});
afterAll(async () => {
  await Promise.all([t.sandbox.close(), receiver.close()]);
});
beforeEach(async () => {
  await t.reset();
  receiver.requests.length = 0;
});

const app = () => t.fixture.apps[0] ?? { id: '', appAccessToken: '', accessToken: '', callbackUrl: null };
const path = () => `/v23.0/${app().id}/subscriptions`;

describe('/<APP_ID>/subscriptions', () => {
  it('lists the application callback with an app token', async () => {
    const res = await t.graph<Subscriptions>(path(), { token: app().appAccessToken, tokenIn: 'query' });
    expect(res.body.data).toEqual([
      {
        object: 'whatsapp_business_account',
        callback_url: app().callbackUrl,
        active: true,
        fields: expect.arrayContaining([{ name: 'messages', version: 'v23.0' }]),
      },
    ]);
  });

  it('refuses system-user tokens and other apps’ app tokens', async () => {
    const sys = await t.graph<ErrorBody>(path(), { token: app().accessToken });
    expect(sys.status).toBe(400);
    expect(sys.body.error.code).toBe(15);
    const other = await t.graph<ErrorBody>(path(), { token: t.fixture.apps[1]?.appAccessToken });
    expect(other.body.error.code).toBe(100);
  });

  it('POST verifies the callback live, then replaces URL and fields (form body)', async () => {
    const res = await t.graph(path(), {
      token: app().appAccessToken,
      tokenIn: 'form',
      form: {
        object: 'whatsapp_business_account',
        callback_url: `${receiver.url}/echo`,
        verify_token: GOOD_TOKEN,
        fields: 'messages,account_update',
      },
    });
    expect(res.body).toEqual({ success: true });
    expect(receiver.requests).toHaveLength(1);
    const list = await t.graph<Subscriptions>(path(), { token: app().appAccessToken });
    expect(list.body.data[0]?.callback_url).toBe(`${receiver.url}/echo`);
    expect(list.body.data[0]?.fields).toEqual([
      { name: 'messages', version: 'v23.0' },
      { name: 'account_update', version: 'v23.0' },
    ]);
    const phone = t.fixture.scenarios.applicationTier.phoneNumberId;
    const config = await t.graph(`/v23.0/${phone}?fields=webhook_configuration`);
    expect(config.body).toMatchObject({ webhook_configuration: { application: `${receiver.url}/echo` } });
  });

  it('POST fails with 2200 when verification fails and keeps the old callback', async () => {
    const res = await t.graph<ErrorBody>(path(), {
      token: app().appAccessToken,
      json: {
        object: 'whatsapp_business_account',
        callback_url: `${receiver.url}/wrong`,
        verify_token: GOOD_TOKEN,
        fields: ['messages'],
      },
    });
    expect(res.body.error.code).toBe(2200);
    const list = await t.graph<Subscriptions>(path(), { token: app().appAccessToken });
    expect(list.body.data[0]?.callback_url).toBe(app().callbackUrl);
  });

  it('rejects unknown fields and a missing verify token', async () => {
    const base = { object: 'whatsapp_business_account', callback_url: `${receiver.url}/echo` };
    const badField = await t.graph<ErrorBody>(path(), {
      token: app().appAccessToken,
      json: { ...base, verify_token: GOOD_TOKEN, fields: 'messages,nope' },
    });
    expect(badField.body.error.code).toBe(100);
    const noToken = await t.graph<ErrorBody>(path(), {
      token: app().appAccessToken,
      json: { ...base, fields: 'messages' },
    });
    expect(noToken.body.error.message).toMatch(/verify_token/);
    expect(receiver.requests).toHaveLength(0);
  });

  it('DELETE removes the whole subscription, and the application tier disappears', async () => {
    const res = await t.graph(`${path()}?object=whatsapp_business_account`, {
      method: 'DELETE',
      token: app().appAccessToken,
    });
    expect(res.body).toEqual({ success: true });
    const list = await t.graph<Subscriptions>(path(), { token: app().appAccessToken });
    expect(list.body).toEqual({ data: [] });
    const phone = t.fixture.scenarios.applicationTier.phoneNumberId;
    const config = await t.graph(`/v23.0/${phone}?fields=webhook_configuration`);
    expect(config.body).toMatchObject({ webhook_configuration: {} });
  });
});
