import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routeSnapshots } from '@/lib/db/schema';
import { startAuditScan } from './scan-job';
import { latestCompletedScan } from './scans';
import { type AuditHarness, startAuditHarness } from './test-support';

describe('audit scan job', () => {
  let h: AuditHarness;
  beforeAll(async () => {
    h = await startAuditHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.reset());

  it('stores one snapshot row per number with the three tiers, the winner and the subscription', async () => {
    const started = await startAuditScan(h.env, 'admin@example.com');
    expect(started.created).toBe(true);
    expect(started.scan.status).toBe('running');
    const scan = await started.finished;

    expect(scan).toMatchObject({
      status: 'completed',
      startedBy: 'admin@example.com',
      numbersScanned: h.fixture.counts.phoneNumbers,
      numbersTotal: h.fixture.counts.phoneNumbers,
      graphCalls: h.fixture.businesses.length * 2,
      changedCount: 0,
      driftCount: 0,
      errors: [],
    });
    const rows = await h.db
      .select()
      .from(routeSnapshots)
      .where(eq(routeSnapshots.scanId, scan?.id ?? ''));
    expect(rows).toHaveLength(h.fixture.counts.phoneNumbers);
    const byId = new Map(rows.map((r) => [r.phoneNumberId, r]));
    const { scenarios } = h.fixture;
    expect(byId.get(scenarios.phoneNumberTier.phoneNumberId)).toMatchObject({
      winner: 'phone_number',
      subscribed: true,
    });
    expect(byId.get(scenarios.wabaTier.phoneNumberId)).toMatchObject({
      winner: 'whatsapp_business_account',
      phoneTier: null,
    });
    const appTier = byId.get(scenarios.applicationTier.phoneNumberId);
    expect(appTier).toMatchObject({ winner: 'application', phoneTier: null, wabaTier: null });
    expect(appTier?.effectiveUrl).toBe(appTier?.appTier);
    expect(byId.get(scenarios.unsubscribedWaba.phoneNumberId)).toMatchObject({
      winner: null,
      effectiveUrl: null,
      subscribed: false,
    });
  });

  it('leaves the planner statistics of the rows it wrote (no autovacuum on the embedded database)', async () => {
    const scan = await (await startAuditScan(h.env, 'admin@example.com')).finished;
    expect(scan?.status).toBe('completed');
    // ANALYZE records the table's row count; a table never analyzed reads -1 (or 0 before any row).
    const stats = (await h.db.execute(
      sql`select reltuples::int as rows from pg_class where relname = 'route_snapshots'`,
    )) as unknown as { rows: { rows: number }[] };
    expect(stats.rows[0]?.rows).toBeGreaterThanOrEqual(h.fixture.counts.phoneNumbers);
  });

  it('runs one scan at a time: a second start joins the running one', async () => {
    const first = await startAuditScan(h.env, 'a@example.com');
    const second = await startAuditScan(h.env, 'b@example.com');
    expect(second.created).toBe(false);
    expect(second.scan.id).toBe(first.scan.id);
    await first.finished;
    const third = await startAuditScan(h.env, 'c@example.com');
    expect(third.created).toBe(true);
    await third.finished;
  });

  it('marks a running scan whose heartbeat stopped as interrupted, and starts a new one', async () => {
    const { auditScans } = await import('@/lib/db/schema');
    const [dead] = await h.db
      .insert(auditScans)
      .values({ appId: h.app.id, startedBy: 'gone@example.com', heartbeatAt: new Date(Date.now() - 120_000) })
      .returning();
    const started = await startAuditScan(h.env, 'a@example.com');
    expect(started.created).toBe(true);
    await started.finished;
    const [row] = await h.db
      .select()
      .from(auditScans)
      .where(eq(auditScans.id, dead?.id ?? ''));
    expect(row?.status).toBe('interrupted');
  });

  it('records progress while it runs, readable from the database', async () => {
    await h.faults({ latencyMs: 800 });
    const started = await startAuditScan(h.env, 'a@example.com');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { auditScans } = await import('@/lib/db/schema');
    const [mid] = await h.db.select().from(auditScans).where(eq(auditScans.id, started.scan.id));
    expect(mid?.status).toBe('running');
    expect(Date.now() - (mid?.heartbeatAt.getTime() ?? 0)).toBeLessThan(1_000);
    const done = await started.finished;
    await h.faults({});
    expect(done?.status).toBe('completed');
    expect(done?.graphCalls).toBeGreaterThan(0);
  });

  it('fails when nothing could be read, and keeps the last completed snapshot as the current one', async () => {
    const good = await (await startAuditScan(h.env, 'a@example.com')).finished;
    await h.faults({ faultKind: 'code2', faultRate: 1, pathPattern: 'whatsapp_business_accounts' });
    const bad = await (await startAuditScan(h.env, 'a@example.com')).finished;
    await h.faults({});
    expect(bad?.status).toBe('failed');
    expect(bad?.errors.length).toBeGreaterThan(0);
    expect(bad?.errors[0]?.message).toMatch(/temporary problem/);
    expect((await latestCompletedScan(h.db))?.id).toBe(good?.id);
  });
});
