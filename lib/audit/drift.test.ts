import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordChange } from '@/lib/db/change-log';
import { setPhoneOverride, setWabaOverride } from '@/lib/routing';
import { driftSummary, numberDrift, routeHistory } from './history';
import { listSnapshots } from './queries';
import { startAuditScan } from './scan-job';
import { type AuditHarness, startAuditHarness } from './test-support';

const ACTOR = { id: null, email: 'operator@example.com' };

describe('drift between scans', () => {
  let h: AuditHarness;
  const scan = async () => (await startAuditScan(h.env, 'admin@example.com')).finished;
  beforeAll(async () => {
    h = await startAuditHarness();
  });
  afterAll(() => h.close());

  it('flags a change made directly on Graph, and not one made through Switchboard', async () => {
    const { scenarios, receiverUrl } = h.fixture;
    const behindOurBack = scenarios.applicationTier.phoneNumberId;
    const throughSwitchboard = scenarios.wabaTier.phoneNumberId;
    const first = await scan();
    expect(first?.driftCount).toBe(0);

    await h.graphPost(`/${behindOurBack}`, {
      webhook_configuration: { override_callback_uri: receiverUrl, verify_token: 'switchboard-demo' },
    });
    // A refused write never reached Graph: it explains nothing.
    await recordChange(
      {
        actor: ACTOR,
        action: 'phone_override.set',
        targetType: 'phone_number',
        targetId: behindOurBack,
        outcome: 'refused',
      },
      h.db,
    );
    const routing = await h.env.routing();
    const applied = await setPhoneOverride(
      routing,
      {
        phoneNumberId: throughSwitchboard,
        overrideCallbackUri: receiverUrl,
        verifyToken: 'switchboard-demo',
        expected: null,
      },
      ACTOR,
    );
    expect(applied.kind).toBe('applied');

    const second = await scan();
    expect(second).toMatchObject({ status: 'completed', changedCount: 2, driftCount: 1 });
    const page = await listSnapshots(h.db, {
      scanId: second?.id ?? '',
      filter: { drift: '1' },
      offset: 0,
      limit: 50,
    });
    expect(page.rows.map((r) => r.phoneNumberId)).toEqual([behindOurBack]);
    expect(page.rows[0]).toMatchObject({
      winner: 'phone_number',
      effectiveUrl: receiverUrl,
      changed: true,
      drift: true,
      previous: { winner: 'application', phoneTier: null },
    });
    expect(await numberDrift(h.db, behindOurBack)).not.toBeNull();
    const summary = await driftSummary(h.db);
    expect(summary?.scan.id).toBe(second?.id);
    expect(summary?.sample.map((r) => r.phoneNumberId)).toEqual([behindOurBack]);
    expect(await numberDrift(h.db, throughSwitchboard)).toBeNull();

    const history = await routeHistory(h.db, throughSwitchboard);
    expect(history.changes).toHaveLength(1);
    expect(history.changes[0]).toMatchObject({ drift: false, winner: 'phone_number' });
    expect(history.changes[0]?.previous?.winner).toBe('whatsapp_business_account');
    expect(history.firstSeen?.previous).toBeNull();
    // The latest snapshot (the drift badge's) is the newest scan's, not the first.
    expect(Date.parse(history.latest?.at ?? '')).toBeGreaterThan(Date.parse(history.firstSeen?.at ?? ''));
    expect(Date.parse(history.latest?.at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(history.changes[0]?.at ?? ''),
    );
    expect(Date.parse(history.firstSeen?.at ?? '')).toBeLessThan(Date.parse(history.changes[0]?.at ?? ''));
    expect(history.latest?.effectiveUrl).toBe(receiverUrl);

    // Nothing changed since: the next scan flags nothing, and the earlier drift stays in the history.
    const third = await scan();
    expect(third).toMatchObject({ changedCount: 0, driftCount: 0 });
    expect(await numberDrift(h.db, behindOurBack)).toBeNull();
    expect((await routeHistory(h.db, behindOurBack)).changes[0]?.drift).toBe(true);
  });

  it('explains every number of a WABA by a Switchboard change to the WABA', async () => {
    await h.reset();
    const { scenarios, receiverUrl } = h.fixture;
    await scan();
    const routing = await h.env.routing();
    const outcome = await setWabaOverride(
      routing,
      {
        wabaId: scenarios.applicationTier.wabaId,
        overrideCallbackUri: receiverUrl,
        verifyToken: 'switchboard-demo',
        expected: null,
      },
      ACTOR,
    );
    expect(outcome.kind).toBe('applied');
    const after = await scan();
    expect(after?.changedCount).toBeGreaterThan(0);
    expect(after?.driftCount).toBe(0);
  });

  it('explains a change by a write Graph accepted whose read-back failed (unverified)', async () => {
    await h.reset();
    const { scenarios, receiverUrl } = h.fixture;
    await scan();
    const routing = await h.env.routing();
    const { phoneNumberId } = scenarios.applicationTier;
    // This client retries reads, so every read of the number after the write fails until the faults are off.
    await h.faults({ afterWrite: true, count: 20, pathPattern: phoneNumberId });
    const outcome = await setPhoneOverride(
      routing,
      {
        phoneNumberId,
        overrideCallbackUri: receiverUrl,
        verifyToken: 'switchboard-demo',
        expected: null,
      },
      ACTOR,
    );
    await h.faults({});
    expect(outcome.kind).toBe('unverified');
    const after = await scan();
    expect(after).toMatchObject({ changedCount: 1, driftCount: 0 });
  });
});
