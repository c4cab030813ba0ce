import { describe, expect, it } from 'vitest';
import { demoFleet } from './fixtures/demo-fleet';
import { generateFleet } from './fixtures/generate-fleet';

describe('fixtures', () => {
  it('the demo fleet is deterministic and has 20+ numbers on 6 WABAs', () => {
    const a = demoFleet();
    expect(JSON.stringify(a)).toBe(JSON.stringify(demoFleet()));
    expect(a.phoneNumbers.length).toBeGreaterThanOrEqual(20);
    expect(a.wabas).toHaveLength(6);
    // One WABA is shared by a business that is not configured (listed only as a client WABA).
    const configured = new Set(a.businesses.map((b) => b.id));
    const outsider = a.wabas.filter((w) => !configured.has(w.ownerBusinessId));
    expect(outsider.map((w) => w.name)).toEqual(['Contoso Pharmacy']);
    expect(outsider[0]?.clientOf.every((id) => configured.has(id))).toBe(true);
    expect(a.otherBusinesses?.map((b) => b.id)).toEqual([outsider[0]?.ownerBusinessId]);
    expect(a.apps[0]?.accessToken.startsWith('EAA')).toBe(false);
    expect(a.wabas.some((w) => w.clientOf.length > 0)).toBe(true);
  });

  it('generates 2000x5 quickly, deterministically, with the documented tier mix', () => {
    const started = performance.now();
    const fleet = generateFleet({ wabas: 2000, numbersPerWaba: 5 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(fleet.wabas).toHaveLength(2000);
    expect(fleet.phoneNumbers).toHaveLength(10_000);
    expect(new Set(fleet.phoneNumbers.map((p) => p.id)).size).toBe(10_000);
    const main = fleet.apps[0]?.id;
    const mainSubs = fleet.subscriptions.filter((s) => s.appId === main);
    expect(mainSubs).toHaveLength(1900);
    expect(mainSubs.filter((s) => s.overrideCallbackUri)).toHaveLength(400);
    expect(fleet.phoneOverrides).toHaveLength(1000);
    expect(JSON.stringify(generateFleet({ wabas: 50, numbersPerWaba: 2 }))).toBe(
      JSON.stringify(generateFleet({ wabas: 50, numbersPerWaba: 2 })),
    );
    for (const slot of [
      fleet.scenarios.phoneNumberTier,
      fleet.scenarios.wabaTier,
      fleet.scenarios.applicationTier,
    ]) {
      expect(slot.phoneNumberId).not.toBe('');
    }
  });
});
