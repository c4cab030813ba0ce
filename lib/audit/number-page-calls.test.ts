/**
 * The number page at fleet scale (#18): on a 2,000 × 5 sandbox fleet, with the overview no longer warming a
 * fleet listing, a number page still costs exactly 2 Graph calls (the number's node and its WABA's subscribed
 * apps), counted by the sandbox's own call log (`/_sandbox/calls`). The WABA is found in the audit snapshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetCache } from '@/lib/routing/fleet-cache';
import { getNumber } from '@/lib/routing/get-number';
import { startAuditScan } from './scan-job';
import { type AuditHarness, startAuditHarness } from './test-support';

let h: AuditHarness;
beforeAll(async () => {
  h = await startAuditHarness({ sandbox: { fleet: { wabas: 2_000, numbersPerWaba: 5 } } });
}, 120_000);
afterAll(() => h?.close());

describe('the number page on a 10,000-number fleet', () => {
  it('reads 2 Graph calls, whatever the fleet size, once an audit snapshot exists', async () => {
    const done = await (await startAuditScan(h.env, 'ops@example.com')).finished;
    expect(done).toMatchObject({ status: 'completed', numbersScanned: 10_000 });
    const { phoneNumberId, wabaId } = h.fixture.scenarios.phoneNumberTier;

    // A fresh process: nothing listed yet, as after a restart or on another instance.
    const ctx = { ...h.routing, fleetCache: new FleetCache() };
    await h.clearCalls();
    const number = await getNumber(ctx, phoneNumberId);
    const calls = await h.calls();

    expect(number).toMatchObject({ phoneNumberId, wabaId, resolution: { winner: 'phone_number' } });
    const v = h.fixture.graphVersion;
    expect(calls.map((c) => c.path).sort()).toEqual([`/${v}/${phoneNumberId}`, `/${v}/${wabaId}`].sort());
  }, 120_000);
});
