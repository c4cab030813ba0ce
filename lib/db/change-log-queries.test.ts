import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/auth/test-support';
import { recordChange } from './change-log';
import {
  changeLogFacets,
  filterQuery,
  latestChangesFor,
  parseChangeLogFilter,
  parsePage,
  queryChangeLog,
  walkChangeLog,
} from './change-log-queries';
import { getDb } from './client';

beforeAll(async () => {
  await useTestDatabase();
  const entries: Parameters<typeof recordChange>[0][] = [];
  for (let i = 0; i < 30; i++) {
    entries.push({
      actor: { id: null, email: i % 3 === 0 ? 'Ann@example.com' : 'bob@example.com' },
      action: i % 2 === 0 ? 'phone_override.set' : 'waba.subscribe',
      targetType: i % 2 === 0 ? 'phone_number' : 'waba',
      targetId: `target-${i % 5}`,
      outcome: i % 10 === 9 ? 'failure' : 'success',
      errorCode: i % 10 === 9 ? 100 : null,
    });
  }
  for (const entry of entries) await recordChange(entry);
  // Spread the rows over 30 days: row i happened on March (i + 1), 2026, at noon UTC.
  const db = await getDb();
  await db.execute(
    sql`update change_log set at = timestamptz '2026-03-01 12:00:00Z' + ((id - (select min(id) from change_log)) * interval '1 day')`,
  );
});

describe('change-log filters from the URL', () => {
  it('keeps valid values, drops empty and invalid ones, and round-trips to a query string', () => {
    const filter = parseChangeLogFilter(
      new URLSearchParams(
        'actor=ann@example.com&targetType=bogus&outcome=failure&from=2026-03-02&to=yesterday&action=',
      ),
    );
    expect(filter).toEqual({ actor: 'ann@example.com', outcome: 'failure', from: '2026-03-02' });
    expect(filterQuery(filter)).toBe('actor=ann%40example.com&outcome=failure&from=2026-03-02');
    expect(parseChangeLogFilter({ targetId: ['a', 'b'] })).toEqual({ targetId: 'a' });
    // U+0000 made PostgreSQL refuse the query; no stored row holds a control or broken character either.
    expect(
      parseChangeLogFilter({
        actor: 'a\u0000@b.c',
        targetId: '1\u0007',
        action: '\ud83d',
        outcome: 'failure',
      }),
    ).toEqual({ outcome: 'failure' });
    expect(parseChangeLogFilter(new URLSearchParams('targetId=%00'))).toEqual({});
    expect(parsePage(new URLSearchParams('page=3'))).toBe(3);
    expect(parsePage(new URLSearchParams('page=-1'))).toBe(1);
    expect(parsePage({ page: 'x' })).toBe(1);
  });
});

describe('queryChangeLog', () => {
  it('pages newest first and counts the total', async () => {
    const first = await queryChangeLog({ filter: {}, page: 1, pageSize: 12 });
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(12);
    expect(first.rows[0]?.at.toISOString()).toBe('2026-03-30T12:00:00.000Z');
    const last = await queryChangeLog({ filter: {}, page: 3, pageSize: 12 });
    expect(last.rows).toHaveLength(6);
    expect(last.rows.at(-1)?.at.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    // A page past the end shows the last page rather than nothing.
    expect((await queryChangeLog({ filter: {}, page: 99, pageSize: 12 })).page).toBe(3);
  });

  it('filters by person (any case), target, action and outcome', async () => {
    expect((await queryChangeLog({ filter: { actor: 'ANN@example.com' } })).total).toBe(10);
    const target = await queryChangeLog({ filter: { targetType: 'waba', targetId: 'target-1' } });
    expect(target.total).toBe(3);
    expect(target.rows.every((r) => r.targetType === 'waba' && r.targetId === 'target-1')).toBe(true);
    expect((await queryChangeLog({ filter: { action: 'waba.subscribe' } })).total).toBe(15);
    const failures = await queryChangeLog({ filter: { outcome: 'failure' } });
    expect(failures.rows.map((r) => r.errorCode)).toEqual([100, 100, 100]);
  });

  it('filters by time: whole UTC days, `to` inclusive, or exact instants', async () => {
    const days = await queryChangeLog({ filter: { from: '2026-03-10', to: '2026-03-12' } });
    expect(days.rows.map((r) => r.at.toISOString().slice(0, 10))).toEqual([
      '2026-03-12',
      '2026-03-11',
      '2026-03-10',
    ]);
    const instants = await queryChangeLog({
      filter: { from: '2026-03-10T13:00:00Z', to: '2026-03-12T11:00:00Z' },
    });
    expect(instants.total).toBe(1);
  });
});

describe('latestChangesFor and walkChangeLog', () => {
  it('returns the latest rows for one target only', async () => {
    const rows = await latestChangesFor({ targetType: 'phone_number', targetId: 'target-0', limit: 2 });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.targetType === 'phone_number' && r.targetId === 'target-0')).toBe(true);
    expect(rows[0]?.at.getTime()).toBeGreaterThan(rows[1]?.at.getTime() ?? Infinity);
  });

  it('walks every matching row once, in batches, up to a cap', async () => {
    const batches: number[][] = [];
    for await (const batch of walkChangeLog({ actor: 'bob@example.com' }, { batchSize: 7 })) {
      batches.push(batch.map((r) => r.id));
    }
    expect(batches.map((b) => b.length)).toEqual([7, 7, 6]);
    const ids = batches.flat();
    expect(new Set(ids).size).toBe(20);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    let capped = 0;
    for await (const batch of walkChangeLog({}, { batchSize: 4, maxRows: 10 })) capped += batch.length;
    expect(capped).toBe(10);
  });

  it('lists the people and actions for the filter menus', async () => {
    expect(await changeLogFacets()).toEqual({
      actors: ['Ann@example.com', 'bob@example.com'],
      actions: ['phone_override.set', 'waba.subscribe'],
    });
  });
});
