import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxClient } from '../client';
import { type RunningSandbox, startSandbox } from '../server';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
});

interface Deployment {
  id: string;
  baseUrl: string;
  username: string;
  password: string;
  phoneNumberIds: string[];
}

async function deployments(): Promise<Deployment[]> {
  return sandboxClient(sandbox.url).coreappDeployments();
}

async function first(): Promise<Deployment> {
  const [d] = await deployments();
  if (!d) throw new Error('no deployment in the fixture');
  return d;
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function login(d: Deployment, password = d.password) {
  const res = await fetch(`${d.baseUrl}/v1/users/login`, {
    method: 'POST',
    headers: { authorization: basic(d.username, password) },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function token(d: Deployment): Promise<string> {
  const { body } = await login(d);
  return (body.users as Array<{ token: string }>)[0]?.token ?? '';
}

async function settings(d: Deployment, bearer: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${d.baseUrl}/v1/settings/application`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const deprecatedMeta = { api_status: 'deprecated', version: expect.stringMatching(/^v2\.\d+\.\d+$/) };

describe('sandbox Coreapp', () => {
  it('lists two deployments whose numbers are numbers of the demo fleet', async () => {
    const list = await deployments();
    expect(list.map((d) => d.id)).toEqual(['acme-eu', 'acme-us']);
    const fixture = sandbox.fixture;
    expect(fixture.counts.phoneNumbers).toBeGreaterThanOrEqual(12);
    for (const d of list) expect(d.baseUrl).toBe(`${sandbox.url}/coreapp/${d.id}`);
  });

  it('logs in with basic auth and answers a bearer token with expires_after, and a deprecated meta', async () => {
    const d = await first();
    const { status, body } = await login(d);
    expect(status).toBe(200);
    const [user] = body.users as Array<{ token: string; expires_after: string }>;
    expect(user?.token).toMatch(/^sbx-coreapp-/);
    expect(user?.expires_after).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00$/);
    expect(Date.parse(user?.expires_after.replace(' ', 'T') ?? '')).toBeGreaterThan(Date.now());
    expect(body.meta).toEqual(deprecatedMeta);
  });

  it('refuses a wrong password with 401 in the errors form', async () => {
    const d = await first();
    const { status, body } = await login(d, 'wrong');
    expect(status).toBe(401);
    expect(body.errors).toEqual([
      {
        code: 1005,
        title: 'Access denied',
        details: 'Invalid credentials',
        href: expect.stringContaining('https://'),
      },
    ]);
    expect(body.meta).toEqual(deprecatedMeta);
  });

  it('reads the application settings with the seed page fields', async () => {
    const d = await first();
    const { status, body } = await settings(d, await token(d));
    expect(status).toBe(200);
    expect(body.meta).toEqual(deprecatedMeta);
    expect((body.settings as { application: unknown }).application).toEqual({
      callback_persist: true,
      sent_status: false,
      callback_backoff_delay_ms: 3000,
      max_callback_backoff_delay_ms: 900000,
      webhooks: {
        url: 'https://onprem-eu.example.com/whatsapp',
        max_concurrent_requests: 6,
        message: { sent: false, delivered: true, read: false },
      },
    });
  });

  it('changes only what a PATCH names, answers 200 with meta, and the change reads back', async () => {
    const d = await first();
    const bearer = await token(d);
    const patched = await settings(d, bearer, {
      method: 'PATCH',
      body: {
        callback_persist: false,
        webhooks: { url: 'https://new.example.org/hook', message: { read: true } },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ meta: deprecatedMeta });
    const after = (await settings(d, bearer)).body.settings as { application: Record<string, unknown> };
    expect(after.application).toMatchObject({
      callback_persist: false,
      sent_status: false,
      webhooks: {
        url: 'https://new.example.org/hook',
        max_concurrent_requests: 6,
        message: { sent: false, delivered: true, read: true },
      },
    });
    // The other deployment is untouched.
    const [, other] = await deployments();
    if (!other) throw new Error('second deployment missing');
    const otherSettings = (await settings(other, await token(other))).body.settings as {
      application: { webhooks: { url: string } };
    };
    expect(otherSettings.application.webhooks.url).toBe('https://onprem-us.example.com/hooks/wa');
  });

  it('keeps sent_status and webhooks.message.sent as one switch', async () => {
    const d = await first();
    const bearer = await token(d);
    await settings(d, bearer, { method: 'PATCH', body: { sent_status: true } });
    const after = (await settings(d, bearer)).body.settings as {
      application: { sent_status: boolean; webhooks: { message: { sent: boolean } } };
    };
    expect(after.application.sent_status).toBe(true);
    expect(after.application.webhooks.message.sent).toBe(true);
  });

  it.each([
    [{ webhooks: { url: 'http://example.com/hook' } }, 'webhooks.url: webhooks.url must use HTTPS'],
    [{ webhooks: { url: `https://example.com/${'a'.repeat(200)}` } }, 'longer than 200'],
    [{ webhooks: { max_concurrent_requests: 7 } }, 'one of 6, 12, 18, 24'],
    [{ callback_backoff_delay_ms: -1 }, 'callback_backoff_delay_ms'],
    [{ nonsense: true }, 'Unknown parameter nonsense'],
    [{ webhooks: { secret: 'x' } }, 'Unknown parameter webhooks.secret'],
  ])('refuses %j with 400 code 1009 and changes nothing', async (body, details) => {
    const d = await first();
    const bearer = await token(d);
    const res = await settings(d, bearer, { method: 'PATCH', body });
    expect(res.status).toBe(400);
    const [error] = res.body.errors as Array<{ code: number; title: string; details: string }>;
    expect(error?.code).toBe(1009);
    expect(error?.details).toContain(details);
    expect(res.body.meta).toEqual(deprecatedMeta);
    const after = (await settings(d, bearer)).body.settings as { application: { webhooks: { url: string } } };
    expect(after.application.webhooks.url).toBe('https://onprem-eu.example.com/whatsapp');
  });

  it('refuses a body that is not an object with code 1008', async () => {
    const d = await first();
    const res = await settings(d, await token(d), { method: 'PATCH', body: null });
    expect(res.status).toBe(400);
    expect((res.body.errors as Array<{ code: number }>)[0]?.code).toBe(1008);
  });

  it('answers 401 to a missing, foreign or expired bearer token', async () => {
    const [eu, us] = await deployments();
    if (!eu || !us) throw new Error('fixture deployments missing');
    const none = await settings(eu, '');
    expect(none.status).toBe(401);
    expect((none.body.errors as Array<{ code: number }>)[0]?.code).toBe(1005);
    // A token of one Coreapp is no good at another.
    expect((await settings(eu, await token(us))).status).toBe(401);
    const bearer = await token(eu);
    expect((await settings(eu, bearer)).status).toBe(200);
    expect(await sandboxClient(sandbox.url).expireCoreappTokens()).toBeGreaterThan(0);
    const expired = await settings(eu, bearer);
    expect(expired.status).toBe(401);
    expect((expired.body.errors as Array<{ details: string }>)[0]?.details).toMatch(/expired/);
  });

  it('is reset by the sandbox reset', async () => {
    const d = await first();
    const bearer = await token(d);
    await settings(d, bearer, { method: 'PATCH', body: { webhooks: { url: '' } } });
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
    // Tokens are forgotten too.
    expect((await settings(d, bearer)).status).toBe(401);
    const after = (await settings(d, await token(d))).body.settings as {
      application: { webhooks: { url: string } };
    };
    expect(after.application.webhooks.url).toBe('https://onprem-eu.example.com/whatsapp');
  });

  it('is reset on its own by the Coreapp reset, with the settings the control surface lists', async () => {
    const client = sandboxClient(sandbox.url);
    const d = await first();
    const bearer = await token(d);
    await settings(d, bearer, {
      method: 'PATCH',
      body: { webhooks: { url: 'https://moved.example.com/x' } },
    });
    const changed = (await client.coreappDeployments()).find((x) => x.id === d.id);
    expect(changed?.settings.webhooks.url).toBe('https://moved.example.com/x');
    await client.resetCoreapp();
    expect((await settings(d, bearer)).status).toBe(401);
    const after = (await client.coreappDeployments()).find((x) => x.id === d.id);
    expect(after?.settings.webhooks.url).toBe('https://onprem-eu.example.com/whatsapp');
  });

  it('answers 404 in the errors form for an unknown deployment', async () => {
    const res = await fetch(`${sandbox.url}/coreapp/nope/v1/users/login`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errors: Array<{ code: number }> }).errors[0]?.code).toBe(1006);
  });
});
