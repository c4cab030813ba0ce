import { and, eq, gt, max } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UnknownAppError } from '@/lib/apps/registry';
import { callbackChecks, changeLog, routeSnapshots } from '@/lib/db/schema';
import { settled } from '@/lib/jobs/runs';
import { startAuditScan } from '../scan-job';
import { targetNames } from '../target-names';
import { type AuditHarness, startAuditHarness } from '../test-support';
import type { BulkEnv } from './env';
import { getBulkJob } from './jobs';
import { previewBulk, retryBulkJob, startBulkReroute } from './start';
import { bulkEnvOf } from './test-support';

const ACTOR = { id: null, email: 'operator@example.com' };
const TOKEN = 'switchboard-demo';

describe('bulk re-routing from an audit selection', () => {
  let h: AuditHarness;
  let bulk: BulkEnv;
  let scanId: string;
  let since = { changes: 0, checks: 0 };

  /** The phone override as one app sees it (its own token; the default app's without one). */
  const phoneTierOnGraph = async (phoneNumberId: string, accessToken = h.app.accessToken) => {
    const res = await fetch(
      `${h.sandbox.url}/${h.fixture.graphVersion}/${phoneNumberId}?fields=webhook_configuration`,
      {
        headers: { authorization: `Bearer ${accessToken}` },
      },
    );
    const body = (await res.json()) as { webhook_configuration?: { phone_number?: string } };
    return body.webhook_configuration?.phone_number || null;
  };
  const changesSince = () => h.db.select().from(changeLog).where(gt(changeLog.id, since.changes));
  const checksSince = () => h.db.select().from(callbackChecks).where(gt(callbackChecks.id, since.checks));

  beforeAll(async () => {
    h = await startAuditHarness();
    bulk = bulkEnvOf(h);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.reset();
    await h.faults({});
    scanId = (await (await startAuditScan(h.env, 'admin@example.com')).finished)?.id ?? '';
    const [c] = await h.db.select({ id: max(changeLog.id) }).from(changeLog);
    const [k] = await h.db.select({ id: max(callbackChecks.id) }).from(callbackChecks);
    since = { changes: c?.id ?? 0, checks: k?.id ?? 0 };
  });

  const selection = (url: string) => ({
    scanId,
    filter: { winner: 'application' as const },
    action: 'phone_override.set' as const,
    overrideCallbackUri: url,
  });

  it('sets the phone override of every selected number, with one callback check and one change-log row each', async () => {
    const url = h.fixture.receiverUrl;
    const preview = await previewBulk(bulk, selection(url));
    expect(preview.count).toBeGreaterThan(1);

    const started = await startBulkReroute(
      bulk,
      { ...selection(url), verifyToken: TOKEN, expectedCount: preview.count },
      ACTOR,
    );
    if (started.kind !== 'started') throw new Error(JSON.stringify(started));
    await settled(started.jobId);

    const job = await getBulkJob(h.db, started.jobId);
    expect(job).toMatchObject({
      status: 'completed',
      total: preview.count,
      counts: { applied: preview.count, failed: 0, pending: 0, running: 0 },
      selection: 'winning tier: app callback',
    });
    expect(job?.verifyTokenMasked).not.toContain(TOKEN);
    for (const item of job?.items ?? []) {
      expect(item.readBack).toMatchObject({ phoneTier: url, winner: 'phone_number', effectiveUrl: url });
      expect(await phoneTierOnGraph(item.phoneNumberId)).toBe(url);
    }
    const rows = await changesSince();
    expect(rows).toHaveLength(preview.count);
    expect(new Set(rows.map((r) => r.targetId)).size).toBe(preview.count);
    expect(rows.every((r) => r.action === 'phone_override.set' && r.outcome === 'success')).toBe(true);
    expect(rows.every((r) => r.actorEmail === ACTOR.email)).toBe(true);
    expect(await checksSince()).toHaveLength(1);
  });

  it('the preview names the numbers whose own phone override a set would replace, with the current URL', async () => {
    const url = h.fixture.receiverUrl;
    expect(await previewBulk(bulk, selection(url))).toMatchObject({ replacedCount: 0, replaced: [] });
    const overwrite = { ...selection(url), filter: { winner: 'phone_number' as const } };
    const preview = await previewBulk(bulk, overwrite);
    expect(preview.count).toBeGreaterThan(0);
    expect(preview.replacedCount).toBe(preview.count);
    expect(preview.replaced).toHaveLength(preview.count);
    for (const entry of preview.replaced) {
      expect(entry.current).toBe(await phoneTierOnGraph(entry.phoneNumberId));
      expect(entry.current).not.toBe(url);
    }
  });

  it('names numbers and WABAs as the latest audit recorded them; unknown ids stay unnamed', async () => {
    const { phoneNumberId, wabaId } = h.fixture.scenarios.phoneNumberTier;
    const names = await targetNames(h.db, { phoneNumberIds: [phoneNumberId, '999'], wabaIds: [wabaId] });
    expect(names.get(phoneNumberId)).toBe('+44 7700 900123 (Acme Retail EU)');
    expect(names.get(wabaId)).toBe(`Acme Retail EU (${wabaId})`);
    expect(names.has('999')).toBe(false);
  });

  it('lists partial failures (stale, Graph errors) and applies them on retry', async () => {
    const url = h.fixture.receiverUrl;
    const preview = await previewBulk(bulk, selection(url));
    const first = await startBulkReroute(
      bulk,
      { ...selection(url), verifyToken: TOKEN, expectedCount: preview.count },
      ACTOR,
    );
    if (first.kind !== 'started') throw new Error(JSON.stringify(first));
    await settled(first.jobId);
    const all = (await getBulkJob(h.db, first.jobId))?.items.map((i) => i.phoneNumberId) ?? [];
    expect(all.length).toBeGreaterThanOrEqual(2);

    // A second job over a fresh scan; one number changes behind our back, another's reads fail.
    await h.reset();
    scanId = (await (await startAuditScan(h.env, 'admin@example.com')).finished)?.id ?? '';
    const [staleId, brokenId] = all as [string, string];
    await h.graphPost(`/${staleId}`, {
      webhook_configuration: {
        override_callback_uri: `${h.sandbox.url}/_sandbox/receiver/helpdesk`,
        verify_token: 'helpdesk-demo',
      },
    });
    await h.faults({ faultKind: 'http500', count: 2, pathPattern: `/${brokenId}$` });
    const [c] = await h.db.select({ id: max(changeLog.id) }).from(changeLog);
    since.changes = c?.id ?? 0;

    const again = await startBulkReroute(
      bulk,
      { ...selection(url), verifyToken: TOKEN, expectedCount: preview.count },
      ACTOR,
    );
    if (again.kind !== 'started') throw new Error(JSON.stringify(again));
    await settled(again.jobId);
    const partial = await getBulkJob(h.db, again.jobId);
    expect(partial?.counts).toMatchObject({ failed: 2, applied: preview.count - 2 });
    const failed = partial?.items.filter((i) => i.status === 'failed') ?? [];
    expect(failed.map((i) => i.phoneNumberId).sort()).toEqual([staleId, brokenId].sort());
    expect(failed.find((i) => i.phoneNumberId === staleId)).toMatchObject({ outcome: 'stale' });
    expect(failed.find((i) => i.phoneNumberId === staleId)?.message).toMatch(
      /Changed since the audit snapshot/,
    );
    expect(failed.find((i) => i.phoneNumberId === brokenId)).toMatchObject({ outcome: 'graph_error' });
    // Items are listed failures first.
    expect(partial?.items[0]?.status).toBe('failed');

    const refusedWithoutToken = await retryBulkJob(bulk, { jobId: again.jobId }, ACTOR);
    expect(refusedWithoutToken.kind).toBe('refused');
    const retried = await retryBulkJob(bulk, { jobId: again.jobId, verifyToken: TOKEN }, ACTOR);
    expect(retried.kind).toBe('started');
    await settled(again.jobId);
    const done = await getBulkJob(h.db, again.jobId);
    expect(done?.counts).toMatchObject({ applied: preview.count, failed: 0 });
    expect(done?.items.find((i) => i.phoneNumberId === staleId)?.attempts).toBe(2);
    expect(await phoneTierOnGraph(staleId)).toBe(url);
    expect(await phoneTierOnGraph(brokenId)).toBe(url);
    // Every number: exactly one successful change-log row; the two failed attempts left their own rows.
    const rows = await changesSince();
    const successes = rows.filter((r) => r.outcome === 'success');
    expect(successes).toHaveLength(preview.count);
    expect(new Set(successes.map((r) => r.targetId)).size).toBe(preview.count);
    expect(
      rows
        .filter((r) => r.outcome !== 'success')
        .map((r) => r.targetId)
        .sort(),
    ).toEqual([staleId, brokenId].sort());
    expect((await retryBulkJob(bulk, { jobId: again.jobId, verifyToken: TOKEN }, ACTOR)).kind).toBe(
      'refused',
    );
  });

  it('counts a number whose write Graph accepted but whose read-back failed as applied, not verified', async () => {
    const url = h.fixture.receiverUrl;
    const { phoneNumberId } = h.fixture.scenarios.applicationTier;
    const preview = await previewBulk(bulk, selection(url));
    // This number's write goes through; every read of it after the write fails (reads are retried).
    await h.faults({ afterWrite: true, count: 20, pathPattern: `/${phoneNumberId}$` });
    const started = await startBulkReroute(
      bulk,
      { ...selection(url), verifyToken: TOKEN, expectedCount: preview.count },
      ACTOR,
    );
    if (started.kind !== 'started') throw new Error(JSON.stringify(started));
    await settled(started.jobId);
    await h.faults({});

    const job = await getBulkJob(h.db, started.jobId);
    expect(job?.counts).toMatchObject({ applied: preview.count, failed: 0 });
    const item = job?.items.find((i) => i.phoneNumberId === phoneNumberId);
    expect(item).toMatchObject({ status: 'applied', outcome: 'unverified', readBack: null });
    expect(item?.message).toMatch(/^Applied, not verified/);
    expect(await phoneTierOnGraph(phoneNumberId)).toBe(url);
    const rows = (await changesSince()).filter((r) => r.targetId === phoneNumberId);
    expect(rows.map((r) => r.outcome)).toEqual(['unverified']);
  });

  it('backs off when Graph answers 80008 and leaves that number retryable', async () => {
    const url = h.fixture.receiverUrl;
    const preview = await previewBulk(bulk, selection(url));
    // One number's reads are refused (the client tries twice, then the job backs off).
    const limited = h.fixture.scenarios.applicationTier.phoneNumberId;
    await h.faults({ faultKind: 'code80008', count: 2, pathPattern: `/${limited}$` });
    const started = await startBulkReroute(
      bulk,
      { ...selection(url), verifyToken: TOKEN, expectedCount: preview.count },
      ACTOR,
    );
    if (started.kind !== 'started') throw new Error(JSON.stringify(started));
    await settled(started.jobId);
    const job = await getBulkJob(h.db, started.jobId);
    expect(job?.backoffs).toBeGreaterThanOrEqual(1);
    expect(job?.counts).toMatchObject({ failed: 1, applied: preview.count - 1 });
    expect(job?.items[0]).toMatchObject({ phoneNumberId: limited, status: 'failed', outcome: 'graph_error' });
    expect(job?.items[0]?.message).toMatch(/rate limit/);
  });

  it('clears overrides, and refuses a job whose selection no longer has the confirmed count', async () => {
    const clear = {
      scanId,
      filter: { winner: 'phone_number' as const },
      action: 'phone_override.clear' as const,
    };
    const preview = await previewBulk(bulk, clear);
    expect(preview.count).toBeGreaterThan(0);
    const mismatch = await startBulkReroute(bulk, { ...clear, expectedCount: preview.count + 1 }, ACTOR);
    expect(mismatch).toMatchObject({ kind: 'refused' });
    expect((await changesSince()).length).toBe(0);

    const started = await startBulkReroute(bulk, { ...clear, expectedCount: preview.count }, ACTOR);
    if (started.kind !== 'started') throw new Error(JSON.stringify(started));
    await settled(started.jobId);
    const job = await getBulkJob(h.db, started.jobId);
    expect(job?.counts.applied).toBe(preview.count);
    for (const item of job?.items ?? []) {
      expect(item.readBack?.phoneTier).toBeNull();
      expect(await phoneTierOnGraph(item.phoneNumberId)).toBeNull();
    }
    const rows = await h.db
      .select()
      .from(changeLog)
      .where(and(gt(changeLog.id, since.changes), eq(changeLog.action, 'phone_override.clear')));
    expect(rows).toHaveLength(preview.count);
  });

  it("re-routes for one chosen app: only that app's phone overrides change, the default app's stay", async () => {
    const { wabaId, secondAppId } = h.fixture.scenarios.sharedWaba;
    const second = h.fixture.apps.find((a) => a.id === secondAppId);
    if (!second) throw new Error('the fixture has no second app');
    const url = h.fixture.receiverUrl;
    const request = { ...selection(url), filter: { waba: wabaId }, appId: second.id };
    const preview = await previewBulk(bulk, request);
    // The scan read the default app's tiers: the second app's are not in it, so every number is written.
    expect(preview).toMatchObject({
      app: { id: second.id, label: second.name },
      snapshotCoversApp: false,
      skipped: 0,
      replacedCount: 0,
    });
    expect(preview.count).toBeGreaterThan(1);

    const job = await (async () => {
      const started = await startBulkReroute(
        bulk,
        { ...request, verifyToken: TOKEN, expectedCount: preview.count },
        ACTOR,
      );
      if (started.kind !== 'started') throw new Error(JSON.stringify(started));
      await h.clearCalls();
      await settled(started.jobId);
      return getBulkJob(h.db, started.jobId);
    })();
    expect(job).toMatchObject({
      appId: second.id,
      snapshotCoversApp: false,
      counts: { applied: preview.count, failed: 0 },
    });
    const items = job?.items ?? [];
    const defaultBefore = new Map(
      (await h.db.select().from(routeSnapshots).where(eq(routeSnapshots.scanId, scanId))).map((r) => [
        r.phoneNumberId,
        r.phoneTier,
      ]),
    );
    for (const item of items) {
      expect(await phoneTierOnGraph(item.phoneNumberId, second.accessToken)).toBe(url);
      // The default app's phone override is as the scan saw it: its route did not move.
      expect(await phoneTierOnGraph(item.phoneNumberId)).toBe(defaultBefore.get(item.phoneNumberId) ?? null);
      expect(defaultBefore.get(item.phoneNumberId)).not.toBe(url);
    }
    // Every write (and read-back) went out with the second app's token.
    const writes = (await h.calls()).filter((c) => c.method === 'POST');
    expect(writes.length).toBe(preview.count);
    expect(writes.every((c) => c.appId === second.id)).toBe(true);
    const rows = await changesSince();
    expect(rows).toHaveLength(preview.count);
    expect(rows.every((r) => r.appId === second.id && r.outcome === 'success')).toBe(true);

    // Once the app is no longer configured, its job cannot be retried as any other app.
    const removed: BulkEnv = {
      ...bulk,
      routing: async (appId) => {
        if (appId === second.id) throw new UnknownAppError(second.id);
        return bulk.routing(appId);
      },
    };
    expect(await retryBulkJob(removed, { jobId: job?.id ?? '', verifyToken: TOKEN }, ACTOR)).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('no longer configured'),
    });
    expect(await changesSince()).toHaveLength(preview.count);
  });

  it('refuses a bulk re-route for an app that is not configured, before anything is written', async () => {
    await expect(previewBulk(bulk, { ...selection(h.fixture.receiverUrl), appId: '999999' })).rejects.toThrow(
      /not configured/,
    );
    expect((await changesSince()).length).toBe(0);
  });

  it('refuses a set whose callback check fails, before any write', async () => {
    const url = `${h.sandbox.url}/_sandbox/receiver/missing`;
    const preview = await previewBulk(bulk, selection(url));
    const result = await startBulkReroute(
      bulk,
      { ...selection(url), verifyToken: TOKEN, expectedCount: preview.count },
      ACTOR,
    );
    expect(result.kind).toBe('preflight_failed');
    expect((await changesSince()).length).toBe(0);
  });
});
