/**
 * The overview from the latest audit snapshot and its background refresh, against the Graph sandbox over HTTP
 * and a real database: the figures match the scan, reading them costs no Graph call, the delivery verdicts are
 * grouped, and only one of several instances starts the refresh — and only when the snapshot is due.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordChange } from '@/lib/db/change-log';
import { auditScans, callbackChecks, routeSnapshots } from '@/lib/db/schema';
import { recordCallbackCheck } from '@/lib/routing/callback-checks';
import { snapshotOverview } from './overview';
import { refreshPolicy, refreshSnapshotIfDue, SCHEDULED_BY } from './refresh';
import { startAuditScan } from './scan-job';
import { type AuditHarness, startAuditHarness } from './test-support';

let h: AuditHarness;
beforeAll(async () => {
  h = await startAuditHarness();
}, 60_000);
afterAll(() => h?.close());
beforeEach(async () => {
  await h.reset();
  await h.db.delete(routeSnapshots);
  await h.db.delete(auditScans);
  await h.db.delete(callbackChecks);
});

async function scan() {
  const done = await (await startAuditScan(h.withDoctor(), 'ops@example.com')).finished;
  if (done?.status !== 'completed') throw new Error(`scan ${done?.status}`);
  return done;
}

describe('snapshotOverview', () => {
  it('says there is no snapshot yet, with zero figures, before the first scan', async () => {
    const overview = await snapshotOverview(h.db);
    expect(overview).toMatchObject({ snapshot: null, running: null, numberCount: 0, undeliverable: null });
  });

  it('has the scan’s figures and verdict groups, and reading it sends Graph nothing', async () => {
    const done = await scan();
    await h.clearCalls();
    const overview = await snapshotOverview(h.db);
    expect(await h.calls()).toHaveLength(0);

    const { counts, scenarios } = h.fixture;
    expect(overview.snapshot).toMatchObject({
      scanId: done.id,
      finishedAt: done.finishedAt,
      changesSince: 0,
    });
    expect(overview.numberCount).toBe(counts.phoneNumbers);
    expect(overview.wabaCount).toBe(done.wabasScanned);
    expect(Object.values(overview.byWinner).reduce((a, b) => a + b, 0)).toBe(counts.phoneNumbers);
    const unsubscribed = overview.unsubscribedWabas.find(
      (w) => w.wabaId === scenarios.unsubscribedWaba.wabaId,
    );
    expect(unsubscribed?.numberCount).toBeGreaterThan(0);
    expect(overview.byWinner.none).toBeGreaterThanOrEqual(unsubscribed?.numberCount ?? 0);

    const groups = overview.undeliverable?.groups ?? [];
    const notSubscribed = groups.find((g) => g.check === 'waba_subscription');
    expect(notSubscribed?.count).toBe(overview.unsubscribedWabas.reduce((sum, w) => sum + w.numberCount, 0));
    expect(overview.undeliverable?.total).toBe(groups.reduce((sum, g) => sum + g.count, 0));
  });

  it('flags an override in use whose URL failed its latest check, and counts changes made since', async () => {
    const done = await scan();
    const rows = await h.db.select().from(routeSnapshots);
    const phoneWinner = rows.find((r) => r.scanId === done.id && r.winner === 'phone_number');
    const url = phoneWinner?.effectiveUrl;
    if (!phoneWinner || !url) throw new Error('the fixture has no winning phone override');
    await recordCallbackCheck(h.db, {
      url,
      ok: false,
      httpStatus: 403,
      durationMs: 5,
      reason: 'http_status',
      checkedBy: 'ops@example.com',
    });
    await recordChange(
      {
        actor: { id: null, email: 'ops@example.com' },
        action: 'phone_override.set',
        targetType: 'phone_number',
        targetId: phoneWinner.phoneNumberId,
        outcome: 'success',
      },
      h.db,
    );
    const overview = await snapshotOverview(h.db);
    expect(overview.failingOverrides).toContainEqual(
      expect.objectContaining({ phoneNumberId: phoneWinner.phoneNumberId, url, reason: 'http_status' }),
    );
    expect(overview.snapshot?.changesSince).toBe(1);
  });
});

describe('refreshSnapshotIfDue', () => {
  const policy = refreshPolicy(15);

  it('starts one scan when several instances tick at once without a snapshot, none while it is fresh', async () => {
    const ticks = await Promise.all([1, 2, 3].map(() => refreshSnapshotIfDue(h.withDoctor(), policy)));
    const started = ticks.filter((t) => t !== null);
    expect(started).toHaveLength(1);
    const done = await started[0]?.finished;
    expect(done).toMatchObject({ status: 'completed', startedBy: SCHEDULED_BY });

    expect(await refreshSnapshotIfDue(h.withDoctor(), policy)).toBeNull();
    // Past the maximum age it is due again.
    const later = Date.now() + policy.maxAgeMs + 1_000;
    const again = await refreshSnapshotIfDue(h.withDoctor(), policy, () => later);
    expect(again).not.toBeNull();
    await again?.finished;
  });

  it('refreshes after a routing change since the snapshot, once the change is a minute old', async () => {
    const done = await scan();
    await recordChange(
      {
        actor: { id: null, email: 'ops@example.com' },
        action: 'waba_override.set',
        targetType: 'waba',
        targetId: h.fixture.scenarios.wabaTier.wabaId,
        outcome: 'success',
      },
      h.db,
    );
    const startedAt = Date.parse(done.startedAt);
    expect(await refreshSnapshotIfDue(h.env, policy, () => startedAt + 10_000)).toBeNull();
    const due = await refreshSnapshotIfDue(h.env, policy, () => startedAt + policy.afterChangeMs + 1_000);
    expect(due).not.toBeNull();
    await due?.finished;
  });
});
