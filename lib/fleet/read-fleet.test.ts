import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '@/lib/graph/client';
import { startSandbox } from '@/lib/graph-sandbox/server';
import { GIVE_UP_AT_ONCE, readWholeFleet } from './read-fleet';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const MAX_RETRIES = 1;

function read(sandbox: Sandbox) {
  const graph = createGraphClient({
    baseUrl: sandbox.url,
    version: sandbox.fixture.graphVersion,
    accessToken: sandbox.fixture.apps[0]?.accessToken ?? '',
    timeoutMs: 5_000,
    maxRetries: MAX_RETRIES,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 50,
  });
  const businessIds = sandbox.fixture.businesses.map((b) => b.id);
  return readWholeFleet({ graph, throttle: GIVE_UP_AT_ONCE, businessIds });
}

async function control(sandbox: Sandbox, path: string, method = 'GET', json?: unknown) {
  const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: json === undefined ? {} : { 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return (await res.json()) as { data?: Array<{ path: string; status: number }> };
}

describe('readWholeFleet (routing reads)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());

  it('returns every WABA once with all its numbers, owned before client, businesses in configured order', async () => {
    const scan = await read(sandbox);
    expect(scan.errors).toEqual([]);
    expect(scan.wabas.flatMap((w) => w.numbers)).toHaveLength(sandbox.fixture.counts.phoneNumbers);
    expect(new Set(scan.wabas.map((w) => w.wabaId)).size).toBe(scan.wabas.length);
    const businessIds = sandbox.fixture.businesses.map((b) => b.id);
    const ranks = scan.wabas.map(
      (w) => (w.ownership === 'owned' ? 0 : businessIds.length) + businessIds.indexOf(w.businessId),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(scan.wabas.map((w) => w.businessId)).size).toBeGreaterThan(1);
    expect(Number.isNaN(Date.parse(scan.readAt))).toBe(false);
  });

  it('does not sit out a rate limit: the listing is reported at once and the rest of the fleet returned', async () => {
    await control(sandbox, '/calls', 'DELETE');
    await control(sandbox, '/faults', 'POST', {
      faultKind: 'code80008',
      count: 100,
      pathPattern: 'client_whatsapp',
    });
    try {
      const scan = await read(sandbox);
      const calls = (await control(sandbox, '/calls')).data ?? [];
      expect(scan.errors.length).toBeGreaterThanOrEqual(1);
      expect(scan.errors.every((e) => /Listing client WABAs/.test(e.context ?? ''))).toBe(true);
      expect(scan.wabas.filter((w) => w.ownership === 'owned').length).toBeGreaterThan(0);
      // Only the client's own brief retries per listing; the audit's patience would try each up to 5 times.
      const listings = calls.filter((c) => /client_whatsapp/.test(c.path));
      expect(listings.length).toBeLessThanOrEqual(sandbox.fixture.businesses.length * (MAX_RETRIES + 1));
    } finally {
      await control(sandbox, '/faults', 'DELETE');
    }
  });
});
