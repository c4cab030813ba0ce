import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callbackChecks } from '@/lib/db/schema';
import { FleetUnavailableError } from './errors';
import { getNumber } from './get-number';
import { getOverview } from './get-overview';
import { getWaba } from './get-waba';
import { listWabas } from './list-wabas';
import { startRoutingHarness } from './test-support';

let h: Awaited<ReturnType<typeof startRoutingHarness>>;

beforeAll(async () => {
  h = await startRoutingHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.reset();
  await h.clearCalls();
});

const APP_CALLBACK = 'https://switchboard-demo.example.com/webhooks/whatsapp';

describe('listWabas', () => {
  it('lists owned and client WABAs of every configured business once, with counts and subscription', async () => {
    const result = await listWabas(h.ctx, { pageSize: 100 });
    expect(result.total).toBe(h.fixture.counts.wabas);
    expect(result.errors).toEqual([]);
    const byId = new Map(result.items.map((w) => [w.wabaId, w]));
    const { clientWaba, outsiderWaba, unsubscribedWaba, wabaTier, applicationTier } = h.scenarios;
    // Contoso's owner is not configured: listed only by Acme, as a client WABA naming who shares it.
    expect(byId.get(outsiderWaba?.wabaId ?? '')).toMatchObject({
      ownership: 'client',
      businessId: h.fixture.businesses[0]?.id,
      ownerBusinessName: outsiderWaba?.ownerName,
      numberCount: 2,
      subscribed: true,
    });
    // Northwind's WABA is owned by one configured business and shared with the other: listed once, as owned.
    expect(byId.get(clientWaba?.wabaId ?? '')).toMatchObject({
      ownership: 'owned',
      businessId: clientWaba?.ownerBusinessId,
      ownerBusinessName: 'Northwind Traders Ltd',
      numberCount: 4,
      subscribed: true,
      wabaOverride: null,
    });
    expect(byId.get(wabaTier.wabaId)).toMatchObject({
      name: 'Acme Retail EU',
      numberCount: 6,
      subscribed: true,
      wabaOverride: 'https://eu.hooks.example.com/whatsapp',
    });
    expect(byId.get(applicationTier.wabaId)).toMatchObject({ subscribed: true, wabaOverride: null });
    expect(byId.get(unsubscribedWaba.wabaId)).toMatchObject({ subscribed: false, numberCount: 3 });
    expect(result.items.map((w) => w.name)).toEqual([...result.items.map((w) => w.name)].sort());
  });

  it('shows a shared WABA as a client WABA when only the client business is configured', async () => {
    const first = await startRoutingHarness({ businesses: 'first', db: h.ctx.db });
    try {
      const result = await listWabas(first.ctx);
      // Acme's own four and the two shared with it: every WABA of the fixture.
      expect(result.total).toBe(first.fixture.counts.wabas);
      const nw = result.items.find((w) => w.wabaId === first.scenarios.clientWaba?.wabaId);
      expect(nw).toMatchObject({ ownership: 'client', businessId: first.fixture.businesses[0]?.id });
    } finally {
      await first.close();
    }
  });

  it('searches by name or id and pages locally from one cached scan', async () => {
    const retail = await listWabas(h.ctx, { q: '  RETAIL ' });
    expect(retail.items.map((w) => w.name)).toEqual(['Acme Retail EU', 'Acme Retail US']);
    const byId = await listWabas(h.ctx, { q: h.scenarios.unsubscribedWaba.wabaId });
    expect(byId.items.map((w) => w.wabaId)).toEqual([h.scenarios.unsubscribedWaba.wabaId]);

    const page1 = await listWabas(h.ctx, { pageSize: 2, page: 1 });
    const page3 = await listWabas(h.ctx, { pageSize: 2, page: 3 });
    const beyond = await listWabas(h.ctx, { pageSize: 2, page: 99 });
    const total = h.fixture.counts.wabas;
    const lastPage = Math.ceil(total / 2);
    expect(page1).toMatchObject({ total, page: 1, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page3.items).toHaveLength(total - 4);
    expect(beyond.page).toBe(lastPage);
    expect(new Set([...page1.items, ...page3.items].map((w) => w.wabaId)).size).toBe(2 + total - 4);

    // Five listings above, one scan: 2 businesses × (owned, client) = 4 Graph calls in all.
    expect(await h.calls()).toHaveLength(4);
    await listWabas(h.ctx, { refresh: true });
    expect(await h.calls()).toHaveLength(8);
  });

  it('reports a failed business listing as an error and still lists the rest', async () => {
    await h.faults({ pathPattern: 'client_whatsapp_business_accounts', faultKind: 'code80008', count: 10 });
    const result = await listWabas(h.ctx);
    // Everything but Contoso's WABA, which only a client listing shows (Northwind's owner lists it as owned).
    expect(result.total).toBe(h.fixture.counts.wabas - 1);
    expect(result.errors.length).toBeGreaterThanOrEqual(1);
    expect(result.errors[0]).toMatchObject({
      code: 80008,
      context: expect.stringMatching(/^Listing client WABAs/),
    });
    expect(result.errors[0]?.message).toMatch(/rate limit/);
    // Failed scans are not cached: the next load tries again.
    await h.faults({});
    await h.clearCalls();
    expect((await listWabas(h.ctx)).errors).toEqual([]);
    expect(await h.calls()).toHaveLength(4);
  });
});

describe('getWaba', () => {
  it('returns every subscribed app, the numbers with their tiers and resolution, in one Graph call', async () => {
    const { wabaId, secondAppId } = h.scenarios.sharedWaba;
    await listWabas(h.ctx); // warm the fleet index, as the list page would
    await h.clearCalls();
    const detail = await getWaba(h.ctx, wabaId);
    expect(await h.calls()).toHaveLength(1);
    expect(detail).toMatchObject({
      wabaId,
      name: 'Acme Retail EU',
      subscribed: true,
      wabaOverride: 'https://eu.hooks.example.com/whatsapp',
      applicationCallback: APP_CALLBACK,
      numberCount: 6,
    });
    expect(detail?.subscribedApps).toEqual([
      {
        appId: h.ctx.appId,
        name: 'Switchboard Demo',
        overrideCallbackUri: 'https://eu.hooks.example.com/whatsapp',
        isThisApp: true,
      },
      {
        appId: secondAppId,
        name: 'Acme Helpdesk',
        overrideCallbackUri: 'https://helpdesk.example.net/meta/eu',
        isThisApp: false,
      },
    ]);
    const numbers = new Map(detail?.numbers.map((n) => [n.phoneNumberId, n]));
    expect(numbers.get(h.scenarios.phoneNumberTier.phoneNumberId)?.resolution).toMatchObject({
      winner: 'phone_number',
      url: 'https://store-dublin.example.com/wa',
    });
    expect(numbers.get(h.scenarios.wabaTier.phoneNumberId)?.resolution).toMatchObject({
      winner: 'whatsapp_business_account',
      url: 'https://eu.hooks.example.com/whatsapp',
    });
    // The helpdesk app's phone override on this line is invisible to this app: its WABA override wins.
    const helpdeskLine = numbers.get(h.scenarios.sharedWaba.secondAppPhoneNumberId ?? '');
    expect(helpdeskLine?.tiers.phone_number).toBeUndefined();
    expect(helpdeskLine?.resolution.winner).toBe('whatsapp_business_account');
    expect(detail?.readAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('marks every number of an unsubscribed WABA as receiving nothing', async () => {
    const detail = await getWaba(h.ctx, h.scenarios.unsubscribedWaba.wabaId);
    expect(detail?.subscribed).toBe(false);
    expect(detail?.subscribedApps.map((a) => a.isThisApp)).toEqual([false]);
    expect(detail?.numbers).toHaveLength(3);
    for (const number of detail?.numbers ?? []) expect(number.resolution.winner).toBeNull();
  });

  it('is null for unknown or malformed ids', async () => {
    expect(await getWaba(h.ctx, '999999999')).toBeNull();
    expect(await getWaba(h.ctx, '../me')).toBeNull();
    expect(await getWaba(h.ctx, h.scenarios.phoneNumberTier.phoneNumberId)).toBeNull();
  });
});

describe('getNumber', () => {
  it.each([
    ['phoneNumberTier', 'phone_number', 'https://store-dublin.example.com/wa'],
    ['wabaTier', 'whatsapp_business_account', 'https://eu.hooks.example.com/whatsapp'],
    ['applicationTier', 'application', APP_CALLBACK],
  ] as const)('resolves the %s number to %s', async (scenario, winner, url) => {
    const { phoneNumberId, wabaId } = h.scenarios[scenario];
    const number = await getNumber(h.ctx, phoneNumberId);
    expect(number).toMatchObject({ phoneNumberId, wabaId, subscribed: true, resolution: { winner, url } });
    expect(number?.tiers.application).toBe(APP_CALLBACK);
    expect(number?.status).toBeTruthy();
    expect(number?.platformType).toBeTruthy();
    expect(number?.throughputLevel).toBeTruthy();
  });

  it('shows no delivery for a number of an unsubscribed WABA', async () => {
    const { phoneNumberId, wabaId } = h.scenarios.unsubscribedWaba;
    const number = await getNumber(h.ctx, phoneNumberId);
    expect(number).toMatchObject({ wabaId, wabaName: 'Acme Labs (testing)', subscribed: false });
    expect(number?.resolution.winner).toBeNull();
    expect(number?.resolution.url).toBeNull();
  });

  it('finds the WABA through the cached fleet: two Graph calls once the fleet is known', async () => {
    await getOverview(h.ctx);
    await h.clearCalls();
    await getNumber(h.ctx, h.scenarios.applicationTier.phoneNumberId);
    expect((await h.calls()).map((c) => c.method)).toEqual(['GET', 'GET']);
  });

  it('is null for an unknown number', async () => {
    expect(await getNumber(h.ctx, '123456789')).toBeNull();
  });

  it('does not guess "not found" when part of the fleet could not be read', async () => {
    await h.faults({ pathPattern: 'owned_whatsapp_business_accounts', faultKind: 'code2', count: 10 });
    await expect(getNumber(h.ctx, '123456789')).rejects.toBeInstanceOf(FleetUnavailableError);
    await h.faults({});
  });
});

describe('getOverview', () => {
  it('counts numbers per winning tier and lists unsubscribed WABAs, from one scan', async () => {
    const overview = await getOverview(h.ctx);
    expect(overview).toMatchObject({
      wabaCount: h.fixture.counts.wabas,
      numberCount: h.fixture.counts.phoneNumbers,
      // application: Acme Retail US's five, Northwind's three without a phone override, Contoso's two.
      byWinner: { phone_number: 5, whatsapp_business_account: 8, application: 10, none: 3 },
      errors: [],
    });
    expect(overview.unsubscribedWabas.map((w) => w.wabaId)).toEqual([h.scenarios.unsubscribedWaba.wabaId]);
    // Numbers per effective URL: every number lands in exactly one group (fewer than ten destinations here).
    expect(overview.byUrl[0]).toEqual({
      url: 'https://switchboard-demo.example.com/webhooks/whatsapp',
      count: overview.byWinner.application,
    });
    expect(overview.byUrl.find((g) => g.url === null)?.count).toBe(overview.byWinner.none);
    expect(overview.byUrl.reduce((sum, g) => sum + g.count, 0)).toBe(overview.numberCount);
    expect(overview.byUrl.map((g) => g.count)).toEqual(
      [...overview.byUrl.map((g) => g.count)].sort((a, b) => b - a),
    );
    expect(await h.calls()).toHaveLength(4);
    await getOverview(h.ctx);
    expect(await h.calls()).toHaveLength(4);
  });

  it('flags overrides in use whose latest callback check failed', async () => {
    const dublin = 'https://store-dublin.example.com/wa';
    const eu = 'https://eu.hooks.example.com/whatsapp';
    const labs = 'https://labs.example.com/old-hook';
    const vip = 'https://vip.example.com/concierge';
    const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
    await h.ctx.db.insert(callbackChecks).values([
      { url: dublin, ok: false, durationMs: 5, reason: 'http_status', httpStatus: 404, at: at(1) },
      { url: eu, ok: false, durationMs: 5, reason: 'timeout', at: at(1) },
      { url: vip, ok: false, durationMs: 5, reason: 'timeout', at: at(1) },
      { url: vip, ok: true, durationMs: 5, httpStatus: 200, at: at(2) },
      // Not in use: the WABA is unsubscribed, so this stale override routes nothing.
      { url: labs, ok: false, durationMs: 5, reason: 'dns', at: at(1) },
    ]);
    const overview = await getOverview(h.ctx);
    const failing = overview.failingOverrides.map(({ phoneNumberId, url, reason }) => ({
      phoneNumberId,
      url,
      reason,
    }));
    expect(failing).toEqual([
      { phoneNumberId: null, url: eu, reason: 'timeout' },
      { phoneNumberId: h.scenarios.phoneNumberTier.phoneNumberId, url: dublin, reason: 'http_status' },
    ]);
    expect(overview.failingOverrides[0]?.checkedAt).toBe(at(1).toISOString());
  });
});

describe('a larger fleet', () => {
  it('pages WABAs and nested numbers and counts every number', async () => {
    const big = await startRoutingHarness({
      sandbox: { fleet: { wabas: 120, numbersPerWaba: 3 } },
      db: h.ctx.db,
    });
    try {
      const overview = await getOverview(big.ctx);
      expect(overview).toMatchObject({ wabaCount: 120, numberCount: 360, errors: [] });
      // 120 WABAs at 50 per page: 3 owned pages + 1 empty client listing.
      expect(await big.calls()).toHaveLength(4);
    } finally {
      await big.close();
    }
    const wide = await startRoutingHarness({
      sandbox: { fleet: { wabas: 2, numbersPerWaba: 130 } },
      db: h.ctx.db,
    });
    try {
      const overview = await getOverview(wide.ctx);
      expect(overview.numberCount).toBe(260);
      const detail = await getWaba(wide.ctx, (await listWabas(wide.ctx)).items[0]?.wabaId ?? '');
      expect(detail?.numbers).toHaveLength(130);
      expect(new Set(detail?.numbers.map((n) => n.phoneNumberId)).size).toBe(130);
    } finally {
      await wide.close();
    }
  });
});
