import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchCounts, matchCountKey } from './match-counts';
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

  it('counts a completed scan once per filter, whatever the sort or window, and a scan not completed every time', async () => {
    const counts = new MatchCounts();
    const filter = { winner: 'application' } as const;
    const expected = all.filter((r) => r.winner === 'application').length;
    const first = await listSnapshots(h.db, { scanId, filter, offset: 0, limit: 5 }, counts);
    expect(first.total).toBe(expected);
    expect(counts.get(matchCountKey(scanId, filter))).toBe(expected);
    // A re-sort and a later block are the same count: one entry, and it is what they answer.
    counts.set(matchCountKey(scanId, { ...filter, sort: 'number', dir: 'desc' }), expected + 1000);
    expect(counts.size).toBe(1);
    const resorted = await listSnapshots(
      h.db,
      { scanId, filter: { ...filter, sort: 'number', dir: 'desc' }, offset: 5, limit: 5 },
      counts,
    );
    expect(resorted.total).toBe(expected + 1000);
    expect(resorted.rows.every((r) => r.winner === 'application')).toBe(true);
    // Another filter is counted on its own.
    expect((await listSnapshots(h.db, { scanId, filter: {}, offset: 0, limit: 1 }, counts)).total).toBe(
      all.length,
    );
    expect(counts.size).toBe(2);
    // No completed scan behind the id: nothing is remembered.
    const unknownScan = '00000000-0000-4000-8000-000000000000';
    await listSnapshots(h.db, { scanId: unknownScan, filter: {}, offset: 0, limit: 1 }, counts);
    expect(counts.get(matchCountKey(unknownScan, {}))).toBeUndefined();
  });

  it('shares one count between the blocks asked for at once', async () => {
    const counts = new MatchCounts();
    let counted = 0;
    const count = async () => {
      counted += 1;
      return { total: 7, completed: false };
    };
    expect(await Promise.all([counts.total('k', count), counts.total('k', count)])).toEqual([7, 7]);
    expect(counted).toBe(1);
    // Not completed: the next ask counts again.
    await counts.total('k', count);
    expect(counted).toBe(2);
  });

  it('keeps a bounded number of counts, the least recently used out first', () => {
    const counts = new MatchCounts(2);
    counts.set('a', 1);
    counts.set('b', 2);
    expect(counts.get('a')).toBe(1);
    counts.set('c', 3);
    expect(counts.get('b')).toBeUndefined();
    expect([counts.get('a'), counts.get('c'), counts.size]).toEqual([1, 3, 2]);
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
