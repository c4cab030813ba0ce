/**
 * Delivery verdicts recorded by the audit scan (lib/audit/verdicts.ts), against the Graph sandbox over HTTP and
 * a real database: the doctor's checks per number from the listing pages, broken through the sandbox's control
 * surface, the audit filter on them, and one live verification GET per distinct URL.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routeSnapshots } from '@/lib/db/schema';
import { RECEIVER_TOKEN, startReceiver, type TestReceiver } from '@/lib/routing/test-support';
import { listSnapshots } from './queries';
import { startAuditScan } from './scan-job';
import { type AuditHarness, startAuditHarness } from './test-support';

let h: AuditHarness;
let receiver: TestReceiver;
beforeAll(async () => {
  h = await startAuditHarness();
  receiver = await startReceiver();
}, 60_000);
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});
beforeEach(() => h.reset());

const control = async (path: string, json: unknown) => {
  const res = await fetch(`${h.sandbox.url}/_sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  expect(res.status).toBe(200);
};

async function scan(env = h.withDoctor()) {
  const done = await (await startAuditScan(env, 'ops@example.com')).finished;
  if (done?.status !== 'completed') throw new Error(`scan ${done?.status}`);
  const rows = await h.db.select().from(routeSnapshots).where(eq(routeSnapshots.scanId, done.id));
  return { scan: done, byId: new Map(rows.map((r) => [r.phoneNumberId, r])) };
}

describe('audit scan verdicts', () => {
  it('records each number’s verdict and first failing check, as the doctor judges them', async () => {
    const { scenarios } = h.fixture;
    const broken = scenarios.wabaTier.phoneNumberId;
    await control(`/numbers/${broken}`, { platform_type: 'ON_PREMISE' });
    const { byId } = await scan();

    expect(byId.get(scenarios.unsubscribedWaba.phoneNumberId)).toMatchObject({
      verdict: 'does_not_deliver',
      firstProblem: 'waba_subscription',
    });
    expect(byId.get(broken)).toMatchObject({ verdict: 'does_not_deliver', firstProblem: 'number_status' });
    // The app callback is on a host reserved for examples: not called, and nothing else is wrong.
    expect(byId.get(scenarios.applicationTier.phoneNumberId)).toMatchObject({
      verdict: 'delivers',
      firstProblem: null,
    });
    expect([...byId.values()].every((r) => r.verdict !== null)).toBe(true);
  });

  it('turns a WABA’s numbers when its review is rejected, and the audit filters on the verdict', async () => {
    const { wabaId, phoneNumberId } = h.fixture.scenarios.applicationTier;
    await control(`/wabas/${wabaId}`, { account_review_status: 'REJECTED' });
    const { scan: done, byId } = await scan();
    const sameWaba = [...byId.values()].filter((r) => r.wabaId === wabaId);
    expect(byId.get(phoneNumberId)).toMatchObject({
      verdict: 'does_not_deliver',
      firstProblem: 'waba_status',
    });

    const page = await listSnapshots(h.db, {
      scanId: done.id,
      filter: { verdict: 'does_not_deliver', problem: 'waba_status' },
      offset: 0,
      limit: 500,
    });
    expect(page.rows.map((r) => r.phoneNumberId).sort()).toEqual(
      sameWaba
        .filter((r) => r.firstProblem === 'waba_status')
        .map((r) => r.phoneNumberId)
        .sort(),
    );
    expect(page.rows.map((r) => r.phoneNumberId)).toContain(phoneNumberId);
    expect(page.rows.every((r) => r.verdict === 'does_not_deliver' && r.firstProblem === 'waba_status')).toBe(
      true,
    );
  });

  it('calls each distinct winning URL once, however many numbers share it', async () => {
    const { scenarios } = h.fixture;
    const shared = `${receiver.url}/echo`;
    const numbers = [scenarios.phoneNumberTier.phoneNumberId, scenarios.wabaTier.phoneNumberId];
    for (const id of numbers) {
      await h.graphPost(`/${id}`, {
        webhook_configuration: { override_callback_uri: shared, verify_token: RECEIVER_TOKEN },
      });
    }
    const before = receiver.hits.length;
    const { byId } = await scan();
    // The doctor sends a verify token the receiver cannot know; the receiver refuses it, which passes.
    const doctorHits = receiver.hits.slice(before).filter((hit) => hit.includes('switchboard-doctor-'));
    expect(doctorHits).toHaveLength(1);
    for (const id of numbers)
      expect(byId.get(id)).toMatchObject({ effectiveUrl: shared, verdict: 'delivers' });
  });

  it('leaves the verdict empty when the scan is run without the doctor', async () => {
    const { byId } = await scan(h.env);
    expect([...byId.values()].every((r) => r.verdict === null && r.firstProblem === null)).toBe(true);
  });
});
