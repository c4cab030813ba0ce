import { describe, expect, it } from 'vitest';
import { withSandbox } from '@/lib/graph/test-helpers/sandbox';
import { GIVE_UP_AT_ONCE, readWholeFleet } from './read-fleet';

const MAX_RETRIES = 1;

describe('readWholeFleet (routing reads)', () => {
  const h = withSandbox();
  const read = () =>
    readWholeFleet({
      graph: h.client(0, { maxRetries: MAX_RETRIES, maxRetryDelayMs: 50 }),
      throttle: GIVE_UP_AT_ONCE,
      businessIds: h.fixture.businesses.map((b) => b.id),
    });

  it('returns every WABA once with all its numbers, owned before client, businesses in configured order', async () => {
    const scan = await read();
    expect(scan.errors).toEqual([]);
    expect(scan.wabas.flatMap((w) => w.numbers)).toHaveLength(h.fixture.counts.phoneNumbers);
    expect(new Set(scan.wabas.map((w) => w.wabaId)).size).toBe(scan.wabas.length);
    const businessIds = h.fixture.businesses.map((b) => b.id);
    const ranks = scan.wabas.map(
      (w) => (w.ownership === 'owned' ? 0 : businessIds.length) + businessIds.indexOf(w.businessId),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(scan.wabas.map((w) => w.businessId)).size).toBeGreaterThan(1);
    expect(Number.isNaN(Date.parse(scan.readAt))).toBe(false);
  });

  it('does not sit out a rate limit: the listing is reported at once and the rest of the fleet returned', async () => {
    const before = (await h.calls()).length;
    await h.faults({ faultKind: 'code80008', count: 100, pathPattern: 'client_whatsapp' });
    try {
      const scan = await read();
      const calls = (await h.calls()).slice(before);
      expect(scan.errors.length).toBeGreaterThanOrEqual(1);
      expect(scan.errors.every((e) => /Listing client WABAs/.test(e.context ?? ''))).toBe(true);
      expect(scan.wabas.filter((w) => w.ownership === 'owned').length).toBeGreaterThan(0);
      // Only the client's own brief retries per listing; the audit's patience would try each up to 5 times.
      const listings = calls.filter((c) => /client_whatsapp/.test(c.path));
      expect(listings.length).toBeGreaterThan(0);
      expect(listings.length).toBeLessThanOrEqual(h.fixture.businesses.length * (MAX_RETRIES + 1));
    } finally {
      await h.clearFaults();
    }
  });
});
