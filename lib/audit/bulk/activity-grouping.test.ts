/**
 * A bulk job's change-log rows carry its id, and /activity's query makes them one entry: run a real job
 * against the sandbox (one number changed behind the audit's back, so it is refused as stale) and read the
 * entries back from the real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordChange } from '@/lib/db/change-log';
import { changesOfJob, queryActivityEntries } from '@/lib/db/change-log-entries';
import { settled } from '@/lib/jobs/runs';
import { startAuditScan } from '../scan-job';
import { type AuditHarness, startAuditHarness } from '../test-support';
import { previewBulk, startBulkReroute } from './start';
import { bulkEnvOf } from './test-support';

const ACTOR = { id: null, email: 'bulk-operator@example.com' };
const TOKEN = 'switchboard-demo';

let h: AuditHarness;
let jobId = '';
let count = 0;
let staleId = '';

beforeAll(async () => {
  h = await startAuditHarness();
  const bulk = bulkEnvOf(h);
  const scanId = (await (await startAuditScan(h.env, 'admin@example.com')).finished)?.id ?? '';
  const selection = {
    scanId,
    filter: { winner: 'application' as const },
    action: 'phone_override.set' as const,
    overrideCallbackUri: h.fixture.receiverUrl,
  };
  const preview = await previewBulk(bulk, selection);
  count = preview.count;
  staleId = h.fixture.scenarios.applicationTier.phoneNumberId;
  // Changed outside Switchboard after the scan: the job refuses this one as stale.
  await h.graphPost(`/${staleId}`, {
    webhook_configuration: {
      override_callback_uri: `${h.sandbox.url}/_sandbox/receiver/helpdesk`,
      verify_token: 'helpdesk-demo',
    },
  });
  const started = await startBulkReroute(
    bulk,
    { ...selection, verifyToken: TOKEN, expectedCount: count },
    ACTOR,
  );
  if (started.kind !== 'started') throw new Error(JSON.stringify(started));
  jobId = started.jobId;
  await settled(jobId);
  // A change made by hand afterwards stays an entry of its own.
  await recordChange(
    {
      actor: { id: null, email: 'someone@example.com' },
      action: 'waba.subscribe',
      targetType: 'waba',
      targetId: h.fixture.scenarios.unsubscribedWaba.wabaId,
      outcome: 'success',
    },
    h.db,
  );
}, 120_000);
afterAll(() => h?.close());

describe('Activity groups a bulk job', () => {
  it('writes the job id on every row the job wrote, and on no other', async () => {
    const rows = await changesOfJob(jobId, h.db);
    expect(count).toBeGreaterThan(2);
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((r) => r.targetId)).size).toBe(count);
    expect(rows.find((r) => r.targetId === staleId)?.outcome).not.toBe('success');
  });

  it('shows the job as one entry with its rows, what the job recorded and the tally', async () => {
    const page = await queryActivityEntries({ filter: {}, pageSize: 50 }, h.db);
    // The scan itself writes no change rows: one hand-made change and one job.
    expect(page.total).toBe(2);
    const [first, second] = page.entries;
    expect(first).toMatchObject({ kind: 'change', row: { action: 'waba.subscribe' } });
    expect(second?.kind).toBe('job');
    if (second?.kind !== 'job') return;
    expect(second.jobId).toBe(jobId);
    expect(second.job).toMatchObject({
      id: jobId,
      action: 'phone_override.set',
      total: count,
      createdBy: ACTOR.email,
    });
    expect(second.rows).toHaveLength(count);
    expect(second.rows.every((r) => r.jobId === jobId)).toBe(true);
    expect(second.rows.map((r) => r.id)).toEqual([...second.rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(second).toMatchObject({ changed: count - 1, failed: 1 });
  });

  it('pages by entries, and filters the rows inside a job', async () => {
    const one = await queryActivityEntries({ filter: {}, page: 2, pageSize: 1 }, h.db);
    expect(one.total).toBe(2);
    expect(one.entries).toHaveLength(1);
    expect(one.entries[0]).toMatchObject({ kind: 'job', jobId });

    const failedOnly = await queryActivityEntries({ filter: { targetId: staleId } }, h.db);
    expect(failedOnly.total).toBe(1);
    const [entry] = failedOnly.entries;
    expect(entry?.kind).toBe('job');
    if (entry?.kind !== 'job') return;
    expect(entry.rows.map((r) => r.targetId)).toEqual([staleId]);
    expect(entry).toMatchObject({ changed: 0, failed: 1 });

    const none = await queryActivityEntries({ filter: { actor: 'nobody@example.com' } }, h.db);
    expect(none).toMatchObject({ total: 0, entries: [] });
  });
});
