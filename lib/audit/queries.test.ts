import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSnapshots, urlGroups, walkSnapshots } from './queries';
import { startAuditScan } from './scan-job';
import { type AuditHarness, startAuditHarness } from './test-support';
import type { AuditRow } from './types';

describe('snapshot queries', () => {
  let h: AuditHarness;
  let scanId: string;
  let all: AuditRow[];
  const list = (filter: Parameters<typeof listSnapshots>[1]['filter'], offset = 0, limit = 100) =>
    listSnapshots(h.db, { scanId, filter, offset, limit });

  beforeAll(async () => {
    h = await startAuditHarness();
    scanId = (await (await startAuditScan(h.env, 'admin@example.com')).finished)?.id ?? '';
    all = (await list({})).rows;
  });
  afterAll(() => h.close());

  it('filters by winning tier, no delivery, URL (contains, exact) and WABA (id or name)', async () => {
    expect(all).toHaveLength(h.fixture.counts.phoneNumbers);
    const byWaba = await list({ winner: 'whatsapp_business_account' });
    expect(byWaba.total).toBe(all.filter((r) => r.winner === 'whatsapp_business_account').length);
    expect(byWaba.rows.every((r) => r.winner === 'whatsapp_business_account')).toBe(true);
    const none = await list({ winner: 'none' });
    expect(none.total).toBeGreaterThan(0);
    expect(none.rows.every((r) => r.winner === null && r.effectiveUrl === null)).toBe(true);

    const url = all.find((r) => r.winner === 'application')?.effectiveUrl ?? '';
    expect((await list({ url })).total).toBe(all.filter((r) => r.effectiveUrl === url).length);
    const host = new URL(url).host.toUpperCase();
    expect((await list({ q: host })).total).toBe(
      all.filter((r) => r.effectiveUrl?.includes(host.toLowerCase())).length,
    );
    // `%` and `_` are literal, not wildcards.
    expect((await list({ q: '%' })).total).toBe(0);

    const { wabaId, wabaName } = all[0] as AuditRow;
    const sameWaba = all.filter((r) => r.wabaId === wabaId).length;
    expect((await list({ waba: wabaId })).total).toBe(sameWaba);
    expect((await list({ waba: (wabaName ?? '').slice(0, 8).toLowerCase() })).total).toBeGreaterThanOrEqual(
      sameWaba,
    );
    expect((await list({ drift: '1' })).total).toBe(0);
  });

  it('sorts on the server and pages through a window', async () => {
    const byUrl = (await list({ sort: 'url', dir: 'desc' })).rows.map((r) => r.effectiveUrl);
    const nonNull = byUrl.filter((u): u is string => u !== null);
    expect(nonNull).toEqual([...nonNull].sort().reverse());
    const byNumber = (await list({ sort: 'number' })).rows.map((r) => r.displayPhoneNumber ?? '');
    const window = await list({ sort: 'number' }, 5, 4);
    expect(window.total).toBe(all.length);
    expect(window.offset).toBe(5);
    expect(window.rows.map((r) => r.displayPhoneNumber)).toEqual(byNumber.slice(5, 9));
  });

  it('groups numbers by effective URL with a per-tier breakdown, biggest first', async () => {
    const grouped = await urlGroups(h.db, { scanId, filter: {} });
    expect(grouped.numbers).toBe(all.length);
    expect(grouped.destinations).toBe(new Set(all.map((r) => r.effectiveUrl)).size);
    const counts = grouped.groups.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const group of grouped.groups) {
      const members = all.filter((r) => r.effectiveUrl === group.url);
      expect(group.count).toBe(members.length);
      expect(Object.values(group.byWinner).reduce((a, b) => a + b, 0)).toBe(group.count);
    }
    const top = await urlGroups(h.db, { scanId, filter: {}, limit: 2 });
    expect(top.groups).toHaveLength(2);
    expect(top.destinations).toBe(grouped.destinations);
  });

  it('walks every matching row in batches, for CSV export', async () => {
    const seen: string[] = [];
    for await (const batch of walkSnapshots(h.db, { scanId, filter: {}, batchSize: 5 })) {
      expect(batch.length).toBeLessThanOrEqual(5);
      seen.push(...batch.map((r) => r.phoneNumberId));
    }
    expect(seen.sort()).toEqual(all.map((r) => r.phoneNumberId).sort());
  });
});
