/**
 * The shared usage store on a real (memory) database, and the recorder that feeds it from a real Graph client
 * talking to the sandbox over HTTP: latest-wins per scope, older reports never overwrite newer ones (instances
 * race), writes throttled per scope without losing the latest figure, and a failing write never fails a call.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import { graphUsage } from '@/lib/db/schema';
import { withSandbox } from '@/lib/graph/test-helpers/sandbox';
import { parseUsageHeaders, type UsageSnapshot } from '@/lib/graph/usage';
import { openTestDb } from '@/lib/testing/test-db';
import { usageFigures } from './figures';
import { createUsageRecorder } from './recorder';
import { latestUsage, recentMaxPercent, recordUsage } from './store';

const APP = '670843887430001';
let handle: DbHandle;
const h = withSandbox();

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await handle.db.delete(graphUsage);
});

function snapshot(at: number, app: number | null, wabas: Record<string, number> = {}): UsageSnapshot {
  const headers: Record<string, string> = {};
  if (app !== null)
    headers['x-app-usage'] = JSON.stringify({ call_count: app, total_cputime: 1, total_time: 2 });
  if (Object.keys(wabas).length) {
    headers['x-business-use-case-usage'] = JSON.stringify(
      Object.fromEntries(
        Object.entries(wabas).map(([id, pct]) => [
          id,
          [
            {
              type: 'whatsapp_business_management',
              call_count: pct,
              total_cputime: 0,
              total_time: 0,
              estimated_time_to_regain_access: pct >= 100 ? 12 : 0,
            },
          ],
        ]),
      ),
    );
  }
  const parsed = parseUsageHeaders(headers, at);
  if (!parsed) throw new Error('no usage in the test headers');
  return parsed;
}

describe('recordUsage / latestUsage', () => {
  it('says nothing is known before any report', async () => {
    const latest = await latestUsage(handle.db, APP);
    expect(latest).toEqual({
      app: null,
      businessUseCases: [],
      businessUseCaseCount: 0,
      maxPercent: null,
      latestAt: null,
    });
  });

  it('keeps the latest figure per scope, the busiest business use case first', async () => {
    await recordUsage(handle.db, APP, usageFigures(snapshot(1_000, 10, { '111': 5, '222': 40 })));
    await recordUsage(handle.db, APP, usageFigures(snapshot(2_000, 30, { '111': 100 })));
    const latest = await latestUsage(handle.db, APP);
    expect(latest.app).toMatchObject({ callCount: 30, percent: 30, receivedAt: new Date(2_000) });
    expect(latest.businessUseCases.map((f) => [f.objectId, f.percent, f.regainAccessMinutes])).toEqual([
      ['111', 100, 12],
      ['222', 40, 0],
    ]);
    expect(latest.businessUseCases[0]?.useCaseType).toBe('whatsapp_business_management');
    expect(latest.businessUseCaseCount).toBe(2);
    expect(latest.maxPercent).toBe(100);
    expect(latest.latestAt).toEqual(new Date(2_000));
  });

  it('never lets an older report overwrite a newer one (another instance wrote first)', async () => {
    await recordUsage(handle.db, APP, usageFigures(snapshot(5_000, 70, { '111': 70 })));
    await recordUsage(handle.db, APP, usageFigures(snapshot(4_000, 20, { '111': 20 })));
    const latest = await latestUsage(handle.db, APP);
    expect(latest.app?.callCount).toBe(70);
    expect(latest.businessUseCases[0]?.callCount).toBe(70);
  });

  it('keeps apps apart and limits the list', async () => {
    await recordUsage(handle.db, APP, usageFigures(snapshot(1_000, 1, { '1': 1, '2': 2, '3': 3 })));
    await recordUsage(handle.db, '999', usageFigures(snapshot(1_000, 99)));
    const latest = await latestUsage(handle.db, APP, { limit: 2 });
    expect(latest.app?.callCount).toBe(1);
    expect(latest.businessUseCases.map((f) => f.objectId)).toEqual(['3', '2']);
    expect(latest.businessUseCaseCount).toBe(3);
    expect((await latestUsage(handle.db, '999')).maxPercent).toBe(99);
  });
});

describe('recentMaxPercent', () => {
  it('is the highest figure of any scope reported within the window, and null when all are older', async () => {
    expect(await recentMaxPercent(handle.db, APP, 60_000)).toBeNull();
    const now = Date.now();
    await recordUsage(handle.db, APP, usageFigures(snapshot(now - 1_000, 30, { '900': 85 })));
    await recordUsage(handle.db, APP, usageFigures(snapshot(now - 1_000, null, { '901': 20 })));
    await recordUsage(handle.db, 'other-app', usageFigures(snapshot(now, 99)));
    expect(await recentMaxPercent(handle.db, APP, 60_000)).toBe(85);
    expect(await recentMaxPercent(handle.db, APP, 500)).toBeNull();
  });
});

describe('the recorder', () => {
  function manualClock() {
    let time = 0;
    const timers: { at: number; run: () => void }[] = [];
    return {
      now: () => time,
      schedule: (run: () => void, ms: number) => timers.push({ at: time + ms, run }),
      /** Moves time on and runs the timers that came due. */
      advance(ms: number) {
        time += ms;
        for (const timer of timers.splice(0).sort((a, b) => a.at - b.at)) {
          if (timer.at <= time) timer.run();
          else timers.push(timer);
        }
      },
    };
  }

  it('writes a scope at most once per interval, and the latest figure once the interval has passed', async () => {
    const clock = manualClock();
    let writes = 0;
    const recorder = createUsageRecorder({
      intervalMs: 1_000,
      now: clock.now,
      schedule: clock.schedule,
      write: async (figures) => {
        writes += 1;
        await recordUsage(handle.db, APP, figures);
      },
    });
    recorder.observe(snapshot(1, 10));
    await recorder.settled();
    expect(writes).toBe(1);
    expect((await latestUsage(handle.db, APP)).app?.callCount).toBe(10);

    clock.advance(100);
    recorder.observe(snapshot(2, 20));
    clock.advance(300);
    recorder.observe(snapshot(3, 30));
    await recorder.settled();
    expect(writes).toBe(1);
    expect((await latestUsage(handle.db, APP)).app?.callCount).toBe(10);

    clock.advance(600);
    await recorder.settled();
    expect(writes).toBe(2);
    expect((await latestUsage(handle.db, APP)).app?.callCount).toBe(30);
  });

  it('throttles each scope on its own: a new WABA is written at once', async () => {
    const clock = manualClock();
    const written: string[][] = [];
    const recorder = createUsageRecorder({
      now: clock.now,
      schedule: clock.schedule,
      write: async (figures) => {
        written.push(figures.map((f) => f.objectId || 'app'));
      },
    });
    recorder.observe(snapshot(1, 10, { '111': 1 }));
    await recorder.settled();
    clock.advance(10);
    recorder.observe(snapshot(2, 11, { '111': 2, '222': 1 }));
    await recorder.settled();
    expect(written).toEqual([['app', '111'], ['222']]);
    await recorder.flush();
    expect(written[2]?.sort()).toEqual(['111', 'app']);
  });

  it('survives failing writes: observe never throws and later writes still happen', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const recorder = createUsageRecorder({
      intervalMs: 0,
      onError: (e) => errors.push(e),
      write: async (figures) => {
        if (fail) throw new Error('database is down');
        await recordUsage(handle.db, APP, figures);
      },
    });
    expect(() => recorder.observe(snapshot(1, 10))).not.toThrow();
    await recorder.settled();
    expect(errors).toHaveLength(1);
    fail = false;
    recorder.observe(snapshot(2, 20));
    await recorder.settled();
    expect((await latestUsage(handle.db, APP)).app?.callCount).toBe(20);
  });

  it('records what the sandbox reports over HTTP, and a broken store does not fail the Graph call', async () => {
    const recorder = createUsageRecorder({ write: (figures) => recordUsage(handle.db, APP, figures) });
    const wabaId = h.fixture.scenarios.sharedWaba.wabaId;
    await h.client(0, { onUsage: (u) => recorder.observe(u) }).getWaba(wabaId);
    await recorder.flush();
    const latest = await latestUsage(handle.db, APP);
    expect(latest.app?.callCount).toEqual(expect.any(Number));
    expect(latest.businessUseCases.map((f) => f.objectId)).toContain(wabaId);

    const broken = createUsageRecorder({
      write: async () => {
        throw new Error('relation "graph_usage" does not exist');
      },
    });
    const waba = await h.client(0, { onUsage: (u) => broken.observe(u) }).getWaba(wabaId);
    expect(waba.id).toBe(wabaId);
    await broken.settled();
  });
});
