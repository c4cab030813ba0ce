/** Routing reads when Graph says no to part of the fleet, and when it pages as live Graph does. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient } from '@/lib/graph/client';
import type { QuirkConfig } from '@/lib/graph-sandbox/client';
import type { RoutingContext } from './context';
import { FleetCache } from './fleet-cache';
import { getOverview } from './get-overview';
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

/** Switchboard run as the partner app: its system user is assigned to the first business only. */
function partnerContext(): RoutingContext {
  const partner = h.fixture.apps.find((app) => app.appsecretProofRequired);
  if (!partner) throw new Error('the fixture has no app requiring appsecret_proof');
  return {
    ...h.ctx,
    graph: createGraphClient({
      baseUrl: h.sandbox.url,
      version: h.fixture.graphVersion,
      accessToken: partner.accessToken,
      appSecret: partner.secret,
      timeoutMs: 5_000,
      maxRetries: 0,
    }),
    appId: partner.id,
    fleetCache: new FleetCache(),
  };
}

const setQuirks = (config: QuirkConfig) => h.control.quirks(config);

describe('a business the system user is not assigned to', () => {
  it('is an error entry with what to do on the overview, and the rest of the fleet is shown', async () => {
    const denied = h.fixture.businesses[1];
    expect(h.ctx.businessIds).toContain(denied?.id);
    const overview = await getOverview(partnerContext());
    // Acme's four WABAs and the two shared with Acme (Northwind's, Contoso's) stay readable: the whole fixture.
    expect(overview.wabaCount).toBe(h.fixture.counts.wabas);
    expect(overview.numberCount).toBe(h.fixture.counts.phoneNumbers);
    expect(overview.errors.length).toBeGreaterThan(0);
    for (const error of overview.errors) {
      expect(error).toMatchObject({ code: 100, subcode: 33 });
      expect(error.message).toMatch(
        new RegExp(
          `^This token's system user is not assigned to business ${denied?.id}: assign it in Business Settings → System users`,
        ),
      );
      expect(error.context).toContain(denied?.id);
    }
  });

  it('leaves the WABA list readable too', async () => {
    const result = await listWabas(partnerContext(), { pageSize: 100 });
    expect(result.total).toBe(h.fixture.counts.wabas);
    expect(result.errors.map((e) => e.code)).toEqual(result.errors.map(() => 100));
    expect(result.errors.length).toBeGreaterThan(0);
  });
});

describe('paging as live Graph pages', () => {
  it('counts every number when pages come back short and end on an empty page', async () => {
    await setQuirks({ shortPages: true });
    const overview = await getOverview(h.ctx);
    expect(overview).toMatchObject({
      wabaCount: h.fixture.counts.wabas,
      numberCount: h.fixture.counts.phoneNumbers,
      errors: [],
    });
    expect(overview.byWinner).toEqual({
      phone_number: 5,
      whatsapp_business_account: 8,
      application: 10,
      none: 3,
    });
  });
});
