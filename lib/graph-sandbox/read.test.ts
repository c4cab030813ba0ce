import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox } from './test-helpers';

type Edge = {
  data: Array<Record<string, unknown>>;
  paging?: { cursors?: Record<string, string>; next?: string };
};

let t: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());
beforeEach(() => t.reset());

const acme = () => t.fixture.businesses[0]?.id ?? '';
const s = () => t.fixture.scenarios;

describe('tokens', () => {
  it.each(['header', 'query', 'form'] as const)('accepts the token in the %s', async (tokenIn) => {
    const method = tokenIn === 'form' ? 'POST' : 'GET';
    // A form-bodied read is only possible through Graph's method tunnelling.
    const path = `/v23.0/${s().wabaTier.wabaId}${tokenIn === 'form' ? '?method=get' : ''}`;
    const res = await t.graph(path, { tokenIn, method });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: s().wabaTier.wabaId, name: 'Acme Retail EU' });
  });

  it('answers 190 without a (#190) prefix for a token it cannot parse', async () => {
    const res = await t.graph<{ error: Record<string, unknown> }>(`/v23.0/${acme()}`, {
      token: 'EAAnotreal',
    });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({
      code: 190,
      type: 'OAuthException',
      message: 'Invalid OAuth access token - Cannot parse access token',
    });
    expect(res.body.error.fbtrace_id).toEqual(expect.any(String));
  });

  it('answers 104 for a missing token', async () => {
    const res = await t.graph<{ error: Record<string, unknown> }>(`/v23.0/${acme()}`, { token: null });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 104,
      type: 'OAuthException',
      message: 'An access token is required to request this resource.',
    });
  });

  it('debug_token describes system-user and app tokens without echoing them', async () => {
    const app = t.fixture.apps[0];
    const sys = await t.graph(`/v23.0/debug_token?input_token=${app?.accessToken}`);
    expect(sys.body).toEqual({
      data: expect.objectContaining({ app_id: app?.id, type: 'SYSTEM_USER', is_valid: true, expires_at: 0 }),
    });
    const appToken = await t.graph(
      `/v23.0/debug_token?input_token=${encodeURIComponent(app?.appAccessToken ?? '')}`,
    );
    expect(appToken.body).toMatchObject({ data: { type: 'APP', application: 'Switchboard Demo' } });
    const bad = await t.graph('/v23.0/debug_token?input_token=nope');
    expect(bad.body).toMatchObject({ data: { is_valid: false } });
    expect(JSON.stringify(sys.body)).not.toContain(app?.accessToken ?? '');
  });
});

describe('nodes and errors', () => {
  it('answers error 100 / subcode 33 for an unknown id and for other versions too', async () => {
    const res = await t.graph<{ error: Record<string, unknown> }>('/v21.0/424242424242');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect(res.body.error.message).toContain("Object with ID '424242424242' does not exist");
  });

  it('rejects unknown fields like Graph', async () => {
    const res = await t.graph<{ error: { message: string; code: number } }>(
      `/v23.0/${s().wabaTier.wabaId}?fields=id,phone_numbers{id,bogus}`,
    );
    expect(res.body.error.code).toBe(100);
    expect(res.body.error.message).toBe(
      '(#100) Tried accessing nonexisting field (bogus) on node type (WhatsAppBusinessPhoneNumber)',
    );
  });

  it('returns the default phone fields, and others on request', async () => {
    const id = s().applicationTier.phoneNumberId;
    const plain = await t.graph(`/v23.0/${id}`);
    expect(Object.keys(plain.body).sort()).toEqual([
      'display_phone_number',
      'id',
      'quality_rating',
      'verified_name',
    ]);
    const more = await t.graph(`/v23.0/${id}?fields=status,throughput{level},platform_type,name_status`);
    expect(more.body).toEqual({
      status: 'CONNECTED',
      throughput: { level: 'STANDARD' },
      platform_type: 'CLOUD_API',
      name_status: 'APPROVED',
      id,
    });
  });
});

describe('webhook_configuration', () => {
  const read = (phone: string, token?: string) =>
    t.graph<{ webhook_configuration: Record<string, string> }>(
      `/v23.0/${phone}?fields=webhook_configuration`,
      {
        token,
      },
    );

  it('shows the tiers that are set and omits the others', async () => {
    const phoneTier = await read(s().phoneNumberTier.phoneNumberId);
    expect(Object.keys(phoneTier.body.webhook_configuration)).toEqual([
      'phone_number',
      'whatsapp_business_account',
      'application',
    ]);
    const appTier = await read(s().applicationTier.phoneNumberId);
    expect(appTier.body.webhook_configuration).toEqual({ application: t.fixture.apps[0]?.callbackUrl });
    const noCallback = await read(s().applicationTier.phoneNumberId, t.fixture.apps[2]?.accessToken);
    expect(noCallback.body.webhook_configuration).toEqual({});
  });

  it("is scoped to the token's app", async () => {
    const phone = s().sharedWaba.secondAppPhoneNumberId ?? '';
    const [main, helpdesk] = t.fixture.apps;
    const asMain = await read(phone, main?.accessToken);
    const asHelpdesk = await read(phone, helpdesk?.accessToken);
    expect(asMain.body.webhook_configuration).toEqual({
      whatsapp_business_account: 'https://eu.hooks.example.com/whatsapp',
      application: main?.callbackUrl,
    });
    expect(asHelpdesk.body.webhook_configuration).toEqual({
      phone_number: 'https://helpdesk.example.net/meta/vip-line',
      whatsapp_business_account: 'https://helpdesk.example.net/meta/eu',
      application: helpdesk?.callbackUrl,
    });
  });
});

describe('edges and paging', () => {
  it('walks every page through paging.next and reports the total', async () => {
    const ids: string[] = [];
    let next: string | undefined =
      `/v23.0/${acme()}/owned_whatsapp_business_accounts?limit=2&summary=total_count&fields=id`;
    let pages = 0;
    while (next) {
      const res: { body: Edge & { summary?: { total_count: number } } } = await t.graph(next);
      expect(res.body.summary).toEqual({ total_count: 4 });
      ids.push(...res.body.data.map((w) => String(w.id)));
      next = res.body.paging?.next;
      if (next)
        expect(next.startsWith(`${t.sandbox.url}/v23.0/${acme()}/owned_whatsapp_business_accounts?`)).toBe(
          true,
        );
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it('keeps the token in paging.next when it came in the query, and supports before', async () => {
    const token = t.fixture.apps[0]?.accessToken ?? '';
    const first = await t.graph<Edge>(`/v23.0/${s().wabaTier.wabaId}/phone_numbers?limit=4`, {
      tokenIn: 'query',
    });
    expect(first.body.paging?.next).toContain(`access_token=${token}`);
    const second = await t.graph<Edge & { paging: { previous?: string } }>(first.body.paging?.next ?? '', {
      token: null,
    });
    expect(second.body.data).toHaveLength(2);
    expect(second.body.paging.next).toBeUndefined();
    const back = await t.graph<Edge>(second.body.paging.previous ?? '', { token: null });
    expect(back.body.data.map((p) => p.id)).toEqual(first.body.data.map((p) => p.id));
  });

  it('clamps limit to 100 and lists client WABAs separately', async () => {
    const big = await t.graph<Edge>(`/v23.0/${acme()}/owned_whatsapp_business_accounts?limit=1000`);
    expect(big.body.data).toHaveLength(4);
    expect(big.body.paging?.next).toBeUndefined();
    const clients = await t.graph<Edge>(
      `/v23.0/${acme()}/client_whatsapp_business_accounts?fields=id,name,ownership_type`,
    );
    expect(clients.body.data).toEqual([
      { id: s().clientWaba?.wabaId, name: 'Northwind Traders', ownership_type: 'CLIENT_OWNED' },
      { id: s().outsiderWaba?.wabaId, name: 'Contoso Pharmacy', ownership_type: 'CLIENT_OWNED' },
    ]);
  });

  it('expands nested edges with their own paging that can be continued separately', async () => {
    const fields =
      'id,name,phone_numbers.limit(4){id,display_phone_number,webhook_configuration},subscribed_apps';
    const res = await t.graph<Edge>(
      `/v23.0/${acme()}/owned_whatsapp_business_accounts?fields=${fields}&limit=1`,
    );
    const waba = res.body.data[0] as { id: string; phone_numbers: Edge; subscribed_apps: Edge };
    expect(waba.id).toBe(s().sharedWaba.wabaId);
    expect(waba.phone_numbers.data).toHaveLength(4);
    expect(waba.subscribed_apps.data).toHaveLength(2);
    const next = waba.phone_numbers.paging?.next ?? '';
    expect(next).toMatch(new RegExp(`^${t.sandbox.url}/v23\\.0/${waba.id}/phone_numbers\\?`));
    const rest = await t.graph<Edge>(next);
    expect(rest.body.data).toHaveLength(2);
    expect(Object.keys(rest.body.data[0] ?? {})).toEqual([
      'id',
      'display_phone_number',
      'webhook_configuration',
    ]);
    const all = [...waba.phone_numbers.data, ...rest.body.data].map((p) => p.id);
    expect(new Set(all).size).toBe(6);
  });

  it('expands two levels deep from a business node', async () => {
    const res = await t.graph<{ owned_whatsapp_business_accounts: Edge }>(
      `/v23.0/${acme()}?fields=owned_whatsapp_business_accounts.limit(1){phone_numbers.limit(1){throughput{level}}}`,
    );
    const waba = res.body.owned_whatsapp_business_accounts.data[0] as { phone_numbers: Edge };
    expect(waba.phone_numbers.data).toEqual([
      { throughput: { level: 'HIGH' }, id: s().phoneNumberTier.phoneNumberId },
    ]);
  });

  it('lists subscribed_apps of every app, override only when set, and [] when none', async () => {
    const shared = await t.graph<Edge>(`/v23.0/${s().sharedWaba.wabaId}/subscribed_apps`);
    expect(shared.body.data.map((e) => e.override_callback_uri)).toEqual([
      'https://eu.hooks.example.com/whatsapp',
      'https://helpdesk.example.net/meta/eu',
    ]);
    const us = await t.graph<Edge>(`/v23.0/${s().applicationTier.wabaId}/subscribed_apps`);
    expect(us.body.data).toEqual([
      {
        whatsapp_business_api_data: {
          id: t.fixture.apps[0]?.id,
          link: `https://www.facebook.com/games/?app_id=${t.fixture.apps[0]?.id}`,
          name: 'Switchboard Demo',
        },
      },
    ]);
    await t.graph(`/v23.0/${s().unsubscribedWaba.wabaId}/subscribed_apps`, {
      method: 'DELETE',
      token: t.fixture.apps[1]?.accessToken,
    });
    const none = await t.graph(`/v23.0/${s().unsubscribedWaba.wabaId}/subscribed_apps`);
    expect(none.body).toEqual({ data: [] });
  });
});
