import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox } from './test-helpers';

// Issue 14: every curl example of the seed pages works against the sandbox with only the host changed (and the
// placeholders filled from the fixture). The commands are run by the real curl binary, arguments as the pages
// write them; their example values (ids, tokens, URLs) are replaced by fixture ones.

const run = promisify(execFile);
const CURL = '/usr/bin/curl';

/** Runs curl with the page's arguments; `-sS -w` only add the status code after the body. */
async function curl(...args: string[]) {
  const { stdout } = await run(CURL, ['-sS', '-w', '\n%{http_code}', ...args]);
  const cut = stdout.lastIndexOf('\n');
  const text = stdout.slice(0, cut);
  return {
    status: Number(stdout.slice(cut + 1)),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

let t: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());
beforeEach(() => t.reset());

const host = () => t.sandbox.url;
const s = () => t.fixture.scenarios;
const app = () => t.fixture.apps[0] ?? { id: '', name: '', accessToken: '', callbackUrl: null };
const bearer = () => `Authorization: Bearer ${app().accessToken}`;
const demo = () => {
  const receiver = t.fixture.receivers.find((r) => r.name === 'demo');
  if (!receiver) throw new Error('the fixture has no demo receiver');
  return receiver;
};
const ourState = async () => (await t.client.state()).apps.find((a) => a.id === app().id);
const subscriptionOf = async (wabaId: string) =>
  (await ourState())?.subscriptions.find((x) => x.wabaId === wabaId);
const listedApps = (body: Record<string, unknown> | null) =>
  (body?.data as Array<{
    whatsapp_business_api_data: { id: string; name: string; link?: string };
    override_callback_uri?: string;
  }>) ?? [];

describe('seed page "Managing Webhooks" (Embedded Signup): subscribe, list, unsubscribe', () => {
  it('POST subscribed_apps without a body subscribes the app', async () => {
    const waba = s().unsubscribedWaba.wabaId;
    const res = await curl('-X', 'POST', `${host()}/v21.0/${waba}/subscribed_apps`, '-H', bearer());
    expect(res).toEqual({ status: 200, body: { success: true } });
    expect(await subscriptionOf(waba)).toEqual({ wabaId: waba, overrideCallbackUri: null });
  });

  it('GET subscribed_apps lists the subscribed apps as whatsapp_business_api_data', async () => {
    const waba = s().applicationTier.wabaId;
    const res = await curl(`${host()}/v21.0/${waba}/subscribed_apps`, '-H', bearer());
    expect(res.status).toBe(200);
    const ours = listedApps(res.body).find((a) => a.whatsapp_business_api_data.id === app().id);
    expect(ours?.whatsapp_business_api_data).toMatchObject({ id: app().id, name: app().name });
    expect(ours).not.toHaveProperty('override_callback_uri');
  });

  it('DELETE subscribed_apps unsubscribes the app', async () => {
    const waba = s().applicationTier.wabaId;
    expect(await subscriptionOf(waba)).toBeDefined();
    const res = await curl('-X', 'DELETE', `${host()}/v21.0/${waba}/subscribed_apps`, '-H', bearer());
    expect(res).toEqual({ status: 200, body: { success: true } });
    expect(await subscriptionOf(waba)).toBeUndefined();
    const listed = await curl(`${host()}/v21.0/${waba}/subscribed_apps`, '-H', bearer());
    expect(listedApps(listed.body).map((a) => a.whatsapp_business_api_data.id)).not.toContain(app().id);
  });
});

describe('seed page "Webhooks for WABAs" (French and Korean editions): the same three calls, placeholders filled', () => {
  it('create, get and delete a subscription', async () => {
    const waba = s().unsubscribedWaba.wabaId;
    const version = t.fixture.graphVersion;
    // The pages' sample answer is {"success": "true"}; live Graph (and the sandbox without its successString quirk)
    // answers a boolean.
    const created = await curl('-X', 'POST', `${host()}/${version}/${waba}/subscribed_apps`, '-H', bearer());
    expect(created).toEqual({ status: 200, body: { success: true } });
    const listed = await curl(`${host()}/${version}/${waba}/subscribed_apps`, '-H', bearer());
    expect(listedApps(listed.body).map((a) => a.whatsapp_business_api_data.id)).toContain(app().id);
    // <AP_VERSION> (sic) in the pages' DELETE example is the same version placeholder.
    const deleted = await curl(
      '-X',
      'DELETE',
      `${host()}/${version}/${waba}/subscribed_apps`,
      '-H',
      bearer(),
    );
    expect(deleted).toEqual({ status: 200, body: { success: true } });
    expect(await subscriptionOf(waba)).toBeUndefined();
  });

  it('with the successString quirk the answers are the pages\' {"success": "true"}', async () => {
    await t.client.quirks({ successString: true });
    const waba = s().unsubscribedWaba.wabaId;
    const created = await curl(
      '-X',
      'POST',
      `${host()}/${t.fixture.graphVersion}/${waba}/subscribed_apps`,
      '-H',
      bearer(),
    );
    expect(created).toEqual({ status: 200, body: { success: 'true' } });
    expect(await subscriptionOf(waba)).toBeDefined();
  });
});

describe('seed page "Webhook Overrides"', () => {
  it('sets a WABA alternate callback (JSON body), which GET subscribed_apps then shows', async () => {
    const waba = s().applicationTier.wabaId;
    const body = `
{
  "override_callback_uri":"${demo().url}",
  "verify_token":"${demo().verifyToken}"
}`;
    const res = await curl(
      '-X',
      'POST',
      `${host()}/v21.0/${waba}/subscribed_apps`,
      '-H',
      bearer(),
      '-H',
      'Content-Type: application/json',
      '-d',
      body,
    );
    expect(res).toEqual({ status: 200, body: { success: true } });
    expect(await subscriptionOf(waba)).toEqual({ wabaId: waba, overrideCallbackUri: demo().url });

    const listed = await curl(`${host()}/v21.0/${waba}/subscribed_apps`, '-H', bearer());
    const ours = listedApps(listed.body).find((a) => a.whatsapp_business_api_data.id === app().id);
    expect(ours?.override_callback_uri).toBe(demo().url);
  });

  it('a wrong verify token is refused and changes nothing', async () => {
    const waba = s().applicationTier.wabaId;
    const res = await curl(
      '-X',
      'POST',
      `${host()}/v21.0/${waba}/subscribed_apps`,
      '-H',
      bearer(),
      '-H',
      'Content-Type: application/json',
      '-d',
      JSON.stringify({ override_callback_uri: demo().url, verify_token: 'myvoiceismypassport?' }),
    );
    expect(res.status).toBe(400);
    expect(res.body).toHaveProperty('error.code');
    expect(await subscriptionOf(waba)).toEqual({ wabaId: waba, overrideCallbackUri: null });
  });

  it('deletes the WABA alternate callback by subscribing again without a body', async () => {
    const waba = s().wabaTier.wabaId;
    expect((await subscriptionOf(waba))?.overrideCallbackUri).toBeTruthy();
    const res = await curl('-X', 'POST', `${host()}/v21.0/${waba}/subscribed_apps`, '-H', bearer());
    expect(res).toEqual({ status: 200, body: { success: true } });
    expect(await subscriptionOf(waba)).toEqual({ wabaId: waba, overrideCallbackUri: null });
  });

  it('sets a phone number alternate callback (curl -d without -X is a POST) and reads it back', async () => {
    const phone = s().wabaTier.phoneNumberId;
    const body = `
{
  "webhook_configuration": {
    "override_callback_uri": "${demo().url}",
    "verify_token": "${demo().verifyToken}"
  }
}`;
    const res = await curl(
      `${host()}/v21.0/${phone}`,
      '-H',
      'Content-Type: application/json',
      '-H',
      bearer(),
      '-d',
      body,
    );
    expect(res).toEqual({ status: 200, body: { success: true } });
    expect((await ourState())?.phoneOverrides).toContainEqual({
      phoneNumberId: phone,
      overrideCallbackUri: demo().url,
    });

    // The page's read-back uses v17.0, an older version than its writes.
    const read = await curl(`${host()}/v17.0/${phone}?fields=webhook_configuration`, '-H', bearer());
    expect(read).toEqual({
      status: 200,
      body: {
        webhook_configuration: {
          phone_number: demo().url,
          whatsapp_business_account: (await subscriptionOf(s().wabaTier.wabaId))?.overrideCallbackUri,
          application: app().callbackUrl,
        },
        id: phone,
      },
    });
  });

  it('webhook_configuration leaves out whatsapp_business_account when the WABA has no alternate callback', async () => {
    const phone = s().applicationTier.phoneNumberId;
    const read = await curl(`${host()}/v17.0/${phone}?fields=webhook_configuration`, '-H', bearer());
    expect(read).toEqual({
      status: 200,
      body: { webhook_configuration: { application: app().callbackUrl }, id: phone },
    });
  });
});

describe('seed page "On-Premises Webhooks": PATCH /v1/settings/application on a Coreapp', () => {
  it('logs in with Basic auth, sets the callback URL and message switches, and reads them back', async () => {
    const [deployment] = await t.client.coreappDeployments();
    if (!deployment) throw new Error('the fixture has no Coreapp');
    const base = deployment.baseUrl;
    const login = await curl(
      '-X',
      'POST',
      `${base}/v1/users/login`,
      '-u',
      `${deployment.username}:${deployment.password}`,
    );
    expect(login.status).toBe(200);
    const token = (login.body?.users as Array<{ token: string }> | undefined)?.[0]?.token ?? '';
    expect(token).not.toBe('');

    // The page's body, minus its // comments and trailing comma (not JSON), with its URL replaced by a
    // loopback receiver (the Coreapp wants HTTPS or loopback http).
    const body = JSON.stringify({
      callback_persist: true,
      webhooks: { url: demo().url, message: { sent: false, delivered: true, read: false } },
    });
    const patched = await curl(
      '-X',
      'PATCH',
      `${base}/v1/settings/application`,
      '-H',
      `Authorization: Bearer ${token}`,
      '-H',
      'Content-Type: application/json',
      '-d',
      body,
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ meta: { api_status: 'deprecated' } });

    const read = await curl(`${base}/v1/settings/application`, '-H', `Authorization: Bearer ${token}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      settings: {
        application: {
          callback_persist: true,
          sent_status: false,
          webhooks: { url: demo().url, message: { sent: false, delivered: true, read: false } },
        },
      },
    });
    const after = (await t.client.coreappDeployments()).find((d) => d.id === deployment.id);
    expect(after?.settings).toMatchObject({ webhooks: { url: demo().url } });
  });

  it("the page's sent_status form sets the same switch as webhooks.message.sent", async () => {
    const [deployment] = await t.client.coreappDeployments();
    if (!deployment) throw new Error('the fixture has no Coreapp');
    const login = await curl(
      '-X',
      'POST',
      `${deployment.baseUrl}/v1/users/login`,
      '-u',
      `${deployment.username}:${deployment.password}`,
    );
    const token = (login.body?.users as Array<{ token: string }> | undefined)?.[0]?.token ?? '';
    const patched = await curl(
      '-X',
      'PATCH',
      `${deployment.baseUrl}/v1/settings/application`,
      '-H',
      `Authorization: Bearer ${token}`,
      '-H',
      'Content-Type: application/json',
      '-d',
      JSON.stringify({ sent_status: true }),
    );
    expect(patched.status).toBe(200);
    const after = (await t.client.coreappDeployments()).find((d) => d.id === deployment.id);
    expect(after?.settings).toMatchObject({ sent_status: true, webhooks: { message: { sent: true } } });
  });
});
