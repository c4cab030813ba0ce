import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditGraph } from '@/lib/audit/graph';
import { Throttle } from '@/lib/audit/throttle';
import { createGraphClient } from '@/lib/graph/client';
import { phoneNumberSchema } from '@/lib/graph/schemas';
import { sandboxClient } from '@/lib/graph-sandbox/client';
import { startSandbox } from '@/lib/graph-sandbox/server';
import { scanFleet } from './scanner';
import type { ScannedWaba } from './types';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

function clientOptions(sandbox: Sandbox) {
  return {
    baseUrl: sandbox.url,
    version: sandbox.fixture.graphVersion,
    accessToken: sandbox.fixture.apps[0]?.accessToken ?? '',
    timeoutMs: 5_000,
    maxRetries: 1,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 200,
  };
}

const control = (sandbox: Sandbox) => sandboxClient(sandbox.url);

async function scan(
  sandbox: Sandbox,
  options: Partial<Parameters<typeof scanFleet>[1]> = {},
  throttle = new Throttle({ backoffBaseMs: 10, slowDelayMs: 1, maxWaitMs: 500 }),
) {
  const audit = createAuditGraph(clientOptions(sandbox), throttle);
  const wabas: ScannedWaba[] = [];
  const outcome = await scanFleet(
    { ...audit, businessIds: sandbox.fixture.businesses.map((b) => b.id) },
    {
      ...options,
      onWabas: async (batch) => {
        wabas.push(...batch);
      },
    },
  );
  return { outcome, wabas, audit, numbers: wabas.flatMap((w) => w.numbers.map((n) => n.id)) };
}

/** The truth, read the slow way with the plain client: every WABA listing, then every WABA's numbers. */
async function everyNumber(sandbox: Sandbox): Promise<string[]> {
  const graph = createGraphClient(clientOptions(sandbox));
  const ids = new Set<string>();
  for (const business of sandbox.fixture.businesses) {
    for (const ownership of ['owned', 'client'] as const) {
      for (const waba of await graph.listAllWabas(business.id, ownership, { fields: 'id' })) {
        const numbers = await graph.listAllPhoneNumbers(waba.id, { fields: 'id' });
        for (const n of numbers) ids.add(phoneNumberSchema.parse(n).id);
      }
    }
  }
  return [...ids].sort();
}

describe('audit scan of the demo fleet', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it('reads every number of every owned and client WABA exactly once, in a handful of calls', async () => {
    await control(sandbox).clearCalls();
    const { outcome, wabas, numbers, audit } = await scan(sandbox);
    const calls = await control(sandbox).calls();

    expect(outcome.errors).toEqual([]);
    expect([...numbers].sort()).toEqual(await everyNumber(sandbox));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBe(sandbox.fixture.counts.phoneNumbers);
    expect(new Set(wabas.map((w) => w.wabaId)).size).toBe(wabas.length);
    expect(outcome).toMatchObject({
      numbersScanned: numbers.length,
      numbersTotal: numbers.length,
      numbersTotalExact: true,
      wabasScanned: wabas.length,
      wabasTotal: wabas.length,
    });
    // One listing call per (business, ownership): field expansion carries numbers, tiers and subscriptions.
    expect(audit.meter.calls).toBe(sandbox.fixture.businesses.length * 2);
    expect(calls.length).toBe(audit.meter.calls);
  });

  it('reports a WABA shared with another configured business once, as owned by its owner', async () => {
    const { wabas } = await scan(sandbox);
    const business = sandbox.fixture.businesses;
    const clientListed = await createGraphClient(clientOptions(sandbox)).listAllWabas(
      business[0]?.id ?? '',
      'client',
      { fields: 'id' },
    );
    expect(clientListed.length).toBeGreaterThan(0);
    const outsider = sandbox.fixture.scenarios.outsiderWaba;
    for (const shared of clientListed) {
      const found = wabas.filter((w) => w.wabaId === shared.id);
      expect(found).toHaveLength(1);
      // Contoso's owner is not configured: its WABA stays a client WABA, naming the business that shares it.
      if (shared.id === outsider?.wabaId) {
        expect(found[0]).toMatchObject({ ownership: 'client', ownerBusinessName: outsider.ownerName });
        continue;
      }
      expect(found[0]?.ownership).toBe('owned');
      expect(found[0]?.businessId).not.toBe(business[0]?.id);
    }
  });

  it('keeps only the client view when the owner is not a configured business', async () => {
    const audit = createAuditGraph(clientOptions(sandbox));
    const wabas: ScannedWaba[] = [];
    const first = sandbox.fixture.businesses[0]?.id ?? '';
    await scanFleet(
      { ...audit, businessIds: [first] },
      { onWabas: async (batch) => void wabas.push(...batch) },
    );
    expect(wabas.some((w) => w.ownership === 'client' && w.businessId === first)).toBe(true);
  });
});

describe('audit scan of a generated fleet with long nested edges', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, fleet: { wabas: 60, numbersPerWaba: 7 } });
  });
  afterAll(() => sandbox.close());

  it('continues nested pages through batch requests and still reads each number once', async () => {
    await control(sandbox).clearCalls();
    const { outcome, numbers, audit } = await scan(sandbox, { wabaPageSize: 25, nestedLimit: 2 });
    const calls = await control(sandbox).calls();

    expect(outcome.errors).toEqual([]);
    expect(numbers.length).toBe(60 * 7);
    expect(new Set(numbers).size).toBe(420);
    expect([...numbers].sort()).toEqual(await everyNumber(sandbox));
    // 7 numbers at 2 per page: 3 continuation pages per WABA, 180 operations, at most 50 per batch.
    const batchOps = calls.filter((c) => c.batch);
    expect(batchOps.length).toBe(180);
    expect(batchOps.every((c) => /\/phone_numbers$/.test(c.path))).toBe(true);
    expect(outcome.batchOperations).toBe(180);
    const httpCalls = calls.filter((c) => !c.batch);
    expect(httpCalls.length).toBe(audit.meter.calls);
    // 3 pages of WABAs + 1 client listing + 3 rounds of ⌈60/50⌉ = 2 batches.
    expect(audit.meter.calls).toBeLessThanOrEqual(4 + 3 * 2);
  });

  it('backs off and retries listing pages the rate limit (80008) refused', async () => {
    await control(sandbox).faults({
      faultKind: 'code80008',
      count: 4,
      pathPattern: 'owned_whatsapp_business_accounts',
    });
    const { outcome, numbers, audit } = await scan(sandbox);
    expect(outcome.errors).toEqual([]);
    expect(numbers.length).toBe(420);
    expect(audit.throttle.stats.backoffs).toBeGreaterThanOrEqual(1);
    expect(audit.throttle.stats.peakUsagePercent).not.toBeNull();
  });

  it('backs off and retries batch operations refused with 80008', async () => {
    await control(sandbox).faults({
      faultKind: 'code80008',
      count: 30,
      pathPattern: '/phone_numbers$',
    });
    await control(sandbox).clearCalls();
    const { outcome, numbers, audit } = await scan(sandbox, { nestedLimit: 4 });
    const calls = await control(sandbox).calls();
    expect(outcome.errors).toEqual([]);
    expect(numbers.length).toBe(420);
    expect(calls.filter((c) => c.batch && c.status === 400).length).toBe(30);
    expect(audit.throttle.stats.backoffs).toBeGreaterThanOrEqual(1);
  });

  it('reports what could not be read and still returns the rest', async () => {
    await control(sandbox).faults({
      faultKind: 'http500',
      count: 100,
      pathPattern: 'client_whatsapp',
    });
    const { outcome, numbers } = await scan(sandbox);
    await control(sandbox).clearFaults();
    expect(numbers.length).toBe(420);
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]?.context).toMatch(/Listing client WABAs/);
  });
});

describe('audit scan under usage pressure', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, fleet: { wabas: 150, numbersPerWaba: 3 } });
  });
  afterAll(() => sandbox.close());

  it('slows down once the usage headers pass 80 %, and still reads everything', async () => {
    // 15 listing pages; after the 5th, a batch of 50 continuations pushes usage to 100 % and the pages after it wait.
    // A tiny budget: the app-level usage header reaches 100 % after a few dozen calls (batch operations count).
    await control(sandbox).faults({ wabaCallBudget: 1 });
    const { outcome, numbers, audit } = await scan(
      sandbox,
      { wabaPageSize: 10, nestedLimit: 2 },
      new Throttle({ slowDelayMs: 50 }),
    );
    expect(outcome.errors).toEqual([]);
    expect(numbers.length).toBe(450);
    expect(audit.throttle.stats.peakUsagePercent).toBeGreaterThanOrEqual(80);
    expect(audit.throttle.slowedDown).toBe(true);
    expect(audit.throttle.stats.throttledMs).toBeGreaterThanOrEqual(50);
  });
});
