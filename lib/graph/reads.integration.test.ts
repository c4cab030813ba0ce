/** Client ↔ sandbox over HTTP: every read endpoint, paging, nested expansion, per-app scoping, usage. */
import { describe, expect, it } from 'vitest';
import { fieldsFor } from './fields';
import { phoneNumberSchema, subscribedAppSchema } from './schemas';
import { withSandbox } from './test-helpers/sandbox';

const h = withSandbox();
const acme = () => h.fixture.businesses[0]?.id ?? '';

describe('WABAs', () => {
  it('lists owned and client WABAs', async () => {
    const graph = h.client(0);
    const owned = await graph.listWabas(acme(), 'owned');
    expect(owned.data.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Acme Retail EU', 'Acme Retail US', 'Acme Support AU', 'Acme Labs (testing)']),
    );
    const client = await graph.listWabas(acme(), 'client');
    expect(client.data.map((w) => w.id)).toEqual([
      h.fixture.scenarios.clientWaba?.wabaId,
      h.fixture.scenarios.outsiderWaba?.wabaId,
    ]);
    expect(client.hasNext).toBe(false);
    expect(client.after).toBeNull();
  });

  it('pages with limit=2 and listAllWabas follows the cursor to the end', async () => {
    const graph = h.client(0);
    const first = await graph.listWabas(acme(), 'owned', { limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.hasNext).toBe(true);
    expect(first.after).toEqual(expect.any(String));
    const second = await graph.listWabas(acme(), 'owned', { limit: 2, after: first.after ?? '' });
    expect(second.data.map((w) => w.id)).not.toContain(first.data[0]?.id);

    const all = await graph.listAllWabas(acme(), 'owned', { pageSize: 2 });
    expect(all).toHaveLength(4);
    expect(new Set(all.map((w) => w.id)).size).toBe(4);
  });

  it('reads one WABA with the fields asked for', async () => {
    const { wabaId } = h.fixture.scenarios.sharedWaba;
    const waba = await h.client(0).getWaba(wabaId, 'id,name,currency');
    expect(waba).toMatchObject({ id: wabaId, name: 'Acme Retail EU', currency: 'EUR' });
    expect(waba.phone_numbers).toBeUndefined();
  });
});

describe('phone numbers', () => {
  it('pages across the edge with limit=2, reporting total_count, and collects every number', async () => {
    const graph = h.client(0);
    const { wabaId } = h.fixture.scenarios.sharedWaba;
    const seen: string[] = [];
    let page = await graph.listPhoneNumbers(wabaId, { limit: 2, totalCount: true });
    expect(page.totalCount).toBe(6);
    seen.push(...page.data.map((n) => n.id));
    while (page.hasNext) {
      page = await graph.listPhoneNumbers(wabaId, { limit: 2, after: page.after ?? '' });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((n) => n.id));
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);

    const all = await graph.listAllPhoneNumbers(wabaId, { pageSize: 2 });
    expect(all.map((n) => n.id)).toEqual(seen);
    expect(all[0]).toMatchObject({
      display_phone_number: expect.any(String),
      webhook_configuration: expect.any(Object),
    });
  });

  it('follows a page by its paging.next URL', async () => {
    const graph = h.client(0);
    const { wabaId } = h.fixture.scenarios.sharedWaba;
    const first = await graph.listPhoneNumbers(wabaId, { limit: 4 });
    expect(first.next).toMatch(/^http:\/\/127\.0\.0\.1/);
    const second = await graph.fetchNextPage(first.next ?? '', phoneNumberSchema);
    expect(second.data.map((n) => n.id)).toHaveLength(2);
    expect(second.hasNext).toBe(false);
  });

  it('reads a number with detail fields', async () => {
    const { phoneNumberId } = h.fixture.scenarios.phoneNumberTier;
    const number = await h.client(0).getPhoneNumber(phoneNumberId);
    expect(number).toMatchObject({
      id: phoneNumberId,
      display_phone_number: '+44 7700 900123',
      verified_name: 'Acme Retail',
      quality_rating: 'GREEN',
    });
    expect(number.webhook_configuration).toBeDefined();
  });

  it('reads webhook_configuration with absent keys for unset tiers', async () => {
    const graph = h.client(0);
    const { scenarios, apps } = h.fixture;
    const phoneTier = await graph.getWebhookConfiguration(scenarios.phoneNumberTier.phoneNumberId);
    expect(Object.keys(phoneTier).sort()).toEqual([
      'application',
      'phone_number',
      'whatsapp_business_account',
    ]);

    const wabaTier = await graph.getWebhookConfiguration(scenarios.wabaTier.phoneNumberId);
    expect(wabaTier.phone_number).toBeUndefined();
    expect(wabaTier.whatsapp_business_account).toMatch(/^https:/);

    const appTier = await graph.getWebhookConfiguration(scenarios.applicationTier.phoneNumberId);
    expect(appTier).toEqual({ application: apps[0]?.callbackUrl });
  });
});

describe('nested expansion', () => {
  it('returns a WABA with its numbers and subscribed apps, and continues the nested edge', async () => {
    const graph = h.client(0);
    const { wabaId } = h.fixture.scenarios.sharedWaba;
    const waba = await graph.getWaba(wabaId, fieldsFor.wabaWithNumbers(4));
    expect(waba.phone_numbers?.data).toHaveLength(4);
    expect(waba.phone_numbers?.data[0]?.webhook_configuration).toBeDefined();
    expect(waba.phone_numbers?.paging?.next).toEqual(expect.any(String));

    const numbers = await graph.collectNestedEdge(waba.phone_numbers, phoneNumberSchema);
    expect(numbers).toHaveLength(6);
    expect(numbers.map((n) => n.id)).toEqual((await graph.listAllPhoneNumbers(wabaId)).map((n) => n.id));

    const apps = await graph.collectNestedEdge(waba.subscribed_apps, subscribedAppSchema);
    expect(apps.map((a) => a.whatsapp_business_api_data.id)).toEqual(
      expect.arrayContaining([h.app(0).id, h.app(1).id]),
    );
  });
});

describe('subscribed apps and per-app scoping', () => {
  it('lists every app subscribed to a WABA with its own override', async () => {
    const { wabaId, secondAppId } = h.fixture.scenarios.sharedWaba;
    const apps = await h.client(0).listSubscribedApps(wabaId);
    const byId = new Map(apps.map((a) => [a.whatsapp_business_api_data.id, a]));
    expect(byId.get(h.app(0).id)?.override_callback_uri).toMatch(/^https:/);
    expect(byId.get(secondAppId)?.override_callback_uri).toMatch(/^https:/);
    expect(byId.get(secondAppId)?.override_callback_uri).not.toBe(
      byId.get(h.app(0).id)?.override_callback_uri,
    );
    const unsubscribed = await h.client(0).listSubscribedApps(h.fixture.scenarios.unsubscribedWaba.wabaId);
    expect(unsubscribed.map((a) => a.whatsapp_business_api_data.id)).not.toContain(h.app(0).id);
  });

  it('shows each app its own webhook_configuration for the same number', async () => {
    const { secondAppPhoneNumberId } = h.fixture.scenarios.sharedWaba;
    const phoneNumberId = secondAppPhoneNumberId ?? '';
    const asFirst = await h.client(0).getWebhookConfiguration(phoneNumberId);
    const asSecond = await h.client(1).getWebhookConfiguration(phoneNumberId);
    expect(asFirst.application).toBe(h.app(0).callbackUrl);
    expect(asSecond.application).toBe(h.app(1).callbackUrl);
    expect(asSecond.phone_number).toMatch(/^https:/);
    expect(asFirst.phone_number).not.toBe(asSecond.phone_number);
    expect(asFirst.whatsapp_business_account).not.toBe(asSecond.whatsapp_business_account);
  });
});

describe('usage headers', () => {
  it('exposes the last usage snapshot and reports each one', async () => {
    const seen: number[] = [];
    const graph = h.client(0, { onUsage: (u) => seen.push(u.receivedAt) });
    expect(graph.lastUsage()).toBeNull();
    await graph.getWaba(h.fixture.scenarios.sharedWaba.wabaId);
    const usage = graph.lastUsage();
    expect(usage?.app).toEqual(expect.objectContaining({ call_count: expect.any(Number) }));
    expect(Object.keys(usage?.businessUseCase ?? {})).toContain(h.fixture.scenarios.sharedWaba.wabaId);
    expect(seen).toHaveLength(1);
  });
});
