import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  GOOD_TOKEN,
  startTestSandbox,
  startVerificationServer,
  type VerificationServer,
} from './test-helpers';

type ErrorBody = { error: { code: number; message: string; type: string } };

let t: Awaited<ReturnType<typeof startTestSandbox>>;
let receiver: VerificationServer;
beforeAll(async () => {
  [t, receiver] = await Promise.all([
    startTestSandbox({ verificationTimeoutMs: 300 }),
    startVerificationServer(),
  ]);
});
afterAll(async () => {
  await Promise.all([t.sandbox.close(), receiver.close()]);
});
beforeEach(async () => {
  await t.reset();
  receiver.requests.length = 0;
});

const s = () => t.fixture.scenarios;
const wabaConfig = async (phone: string, token?: string) =>
  (
    await t.graph<{ webhook_configuration: Record<string, string> }>(
      `/v23.0/${phone}?fields=webhook_configuration`,
      {
        token,
      },
    )
  ).body.webhook_configuration;
const setPhone = (phone: string, uri: string, verifyToken: string | null = GOOD_TOKEN, token?: string) =>
  t.graph<ErrorBody>(`/v23.0/${phone}`, {
    json: { webhook_configuration: { override_callback_uri: uri, verify_token: verifyToken ?? undefined } },
    token,
  });

describe('phone number override', () => {
  it('sets after a live verification GET and clears with an empty string', async () => {
    const phone = s().applicationTier.phoneNumberId;
    const res = await setPhone(phone, `${receiver.url}/echo?tenant=a`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect(receiver.requests).toHaveLength(1);
    const query = new URL(receiver.requests[0] ?? '', 'http://x').searchParams;
    expect(query.get('tenant')).toBe('a');
    expect(query.get('hub.mode')).toBe('subscribe');
    expect(query.get('hub.verify_token')).toBe(GOOD_TOKEN);
    expect(query.get('hub.challenge')).toMatch(/^\d+$/);
    expect((await wabaConfig(phone)).phone_number).toBe(`${receiver.url}/echo?tenant=a`);

    const cleared = await t.graph(`/v23.0/${phone}`, {
      json: { webhook_configuration: { override_callback_uri: '' } },
    });
    expect(cleared.body).toEqual({ success: true });
    expect(await wabaConfig(phone)).toEqual({ application: t.fixture.apps[0]?.callbackUrl });
  });

  it('accepts webhook_configuration as a JSON string in a form body', async () => {
    const phone = s().applicationTier.phoneNumberId;
    const config = JSON.stringify({
      override_callback_uri: `${receiver.url}/echo`,
      verify_token: GOOD_TOKEN,
    });
    const res = await t.graph(`/v23.0/${phone}`, {
      form: { webhook_configuration: config },
      tokenIn: 'form',
    });
    expect(res.body).toEqual({ success: true });
    expect((await wabaConfig(phone)).phone_number).toBe(`${receiver.url}/echo`);
  });

  it('is invisible to other apps', async () => {
    const phone = s().wabaTier.phoneNumberId;
    await setPhone(phone, `${receiver.url}/echo`);
    const helpdesk = await wabaConfig(phone, t.fixture.apps[1]?.accessToken);
    expect(helpdesk.phone_number).toBeUndefined();
  });

  it.each([
    [
      'a URL over 200 characters',
      () => `https://example.com/${'a'.repeat(181)}`,
      GOOD_TOKEN,
      /200 characters/,
    ],
    ['a missing verify token', () => `${receiver.url}/echo`, null, /verify_token is required/],
    ['an http URL that is not loopback', () => 'http://example.com/hook', GOOD_TOKEN, /HTTPS/],
    ['a URL that is not a URL', () => 'not a url', GOOD_TOKEN, /valid URL/],
  ])('refuses %s with error 100 and no verification GET', async (_name, uri, verifyToken, message) => {
    const res = await setPhone(s().applicationTier.phoneNumberId, uri(), verifyToken);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(100);
    expect(res.body.error.message).toMatch(message);
    expect(receiver.requests).toHaveLength(0);
  });

  it('accepts exactly 200 characters', async () => {
    const base = `${receiver.url}/echo?pad=`;
    const res = await setPhone(s().applicationTier.phoneNumberId, base + 'x'.repeat(200 - base.length));
    expect(res.body).toEqual({ success: true });
  });

  it('refuses an override while the app is not subscribed, with the exact Graph message', async () => {
    const res = await setPhone(s().unsubscribedWaba.phoneNumberId, `${receiver.url}/echo`);
    expect(res.body.error).toMatchObject({
      code: 100,
      type: 'OAuthException',
      message:
        '(#100) Before override the current callback uri, your app must be subscribed to receive messages for WhatsApp Business Account',
    });
  });
});

describe('live verification failures', () => {
  it.each([
    ['/missing', 'HTTP Status Code = 404; HTTP Message = Not Found'],
    ['/redirect', 'HTTP Status Code = 302; HTTP Message = Found'],
    ['/wrong', 'Response does not match challenge'],
    ['/quoted', 'Response does not match challenge'],
    ['/slow', 'Operation timed out after 300 milliseconds'],
  ])('%s fails with 2200 and stores nothing', async (path, detail) => {
    const phone = s().applicationTier.phoneNumberId;
    const res = await setPhone(phone, `${receiver.url}${path}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(2200);
    expect(res.body.error.message).toMatch(
      /^\(#2200\) Callback verification failed with the following errors: /,
    );
    expect(res.body.error.message).toContain(detail);
    expect((await wabaConfig(phone)).phone_number).toBeUndefined();
  });

  it('fails on a wrong verify token (403) and on a closed port', async () => {
    const wrong = await setPhone(s().applicationTier.phoneNumberId, `${receiver.url}/echo`, 'other');
    expect(wrong.body.error.message).toContain('HTTP Status Code = 403');
    const closed = await setPhone(s().applicationTier.phoneNumberId, 'http://127.0.0.1:9/hook');
    expect(closed.body.error.code).toBe(2200);
  });

  it('verifies against the built-in echo receiver', async () => {
    const demo = t.fixture.receivers.find((r) => r.name === 'demo');
    const res = await setPhone(
      s().applicationTier.phoneNumberId,
      t.fixture.receiverUrl,
      demo?.verifyToken ?? null,
    );
    expect(res.body).toEqual({ success: true });
  });
});

describe('strict https', () => {
  it('refuses loopback http when started with strictHttps', async () => {
    const strict = await startTestSandbox({ strictHttps: true });
    try {
      const res = await strict.graph<ErrorBody>(
        `/v23.0/${strict.fixture.scenarios.applicationTier.phoneNumberId}`,
        {
          json: {
            webhook_configuration: {
              override_callback_uri: `${receiver.url}/echo`,
              verify_token: GOOD_TOKEN,
            },
          },
        },
      );
      expect(res.body.error.code).toBe(100);
      expect(res.body.error.message).toMatch(/HTTPS/);
    } finally {
      await strict.sandbox.close();
    }
  });
});

describe('subscribed_apps', () => {
  const path = () => `/v23.0/${s().sharedWaba.wabaId}/subscribed_apps`;
  const entries = async () =>
    (
      await t.graph<{
        data: Array<{ whatsapp_business_api_data: { id: string }; override_callback_uri?: string }>;
      }>(path())
    ).body.data;

  it('POST with an override verifies and sets this app’s WABA override only', async () => {
    const res = await t.graph(path(), {
      json: { override_callback_uri: `${receiver.url}/echo`, verify_token: GOOD_TOKEN },
    });
    expect(res.body).toEqual({ success: true });
    expect(receiver.requests).toHaveLength(1);
    expect((await entries()).map((e) => e.override_callback_uri)).toEqual([
      `${receiver.url}/echo`,
      'https://helpdesk.example.net/meta/eu',
    ]);
  });

  it('POST without a body subscribes and removes this app’s WABA override', async () => {
    const res = await t.graph(path(), { method: 'POST' });
    expect(res.body).toEqual({ success: true });
    const list = await entries();
    expect(list[0]).not.toHaveProperty('override_callback_uri');
    expect(list[1]?.override_callback_uri).toBe('https://helpdesk.example.net/meta/eu');
    expect((await wabaConfig(s().wabaTier.phoneNumberId)).whatsapp_business_account).toBeUndefined();
  });

  it('POST with an override on an unsubscribed WABA is the (#100) Before override error', async () => {
    const res = await t.graph<ErrorBody>(`/v23.0/${s().unsubscribedWaba.wabaId}/subscribed_apps`, {
      json: { override_callback_uri: `${receiver.url}/echo`, verify_token: GOOD_TOKEN },
    });
    expect(res.body.error.message).toMatch(/^\(#100\) Before override the current callback uri/);
    expect(receiver.requests).toHaveLength(0);
  });

  it('DELETE unsubscribes this app, drops its WABA override and keeps phone overrides', async () => {
    const res = await t.graph(path(), { method: 'DELETE' });
    expect(res.body).toEqual({ success: true });
    const list = await entries();
    expect(list.map((e) => e.whatsapp_business_api_data.id)).toEqual([t.fixture.apps[1]?.id]);
    expect(await wabaConfig(s().phoneNumberTier.phoneNumberId)).toEqual({
      phone_number: 'https://store-dublin.example.com/wa',
      application: t.fixture.apps[0]?.callbackUrl,
    });
    const resubscribed = await t.graph(path(), { method: 'POST' });
    expect(resubscribed.body).toEqual({ success: true });
    expect((await wabaConfig(s().wabaTier.phoneNumberId)).whatsapp_business_account).toBeUndefined();
  });
});
