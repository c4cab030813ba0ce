/** Several numbers in a few calls: one multi-id read of the phone nodes and one read per distinct WABA. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getNumber, readNumberDetails } from './get-number';
import { startRoutingHarness } from './test-support';

let h: Awaited<ReturnType<typeof startRoutingHarness>>;

beforeAll(async () => {
  h = await startRoutingHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.reset();
});

const withoutReadAt = <T extends { readAt: string }>(detail: T | null | undefined) =>
  detail ? { ...detail, readAt: 'now' } : detail;

describe('readNumberDetails', () => {
  it('reads numbers of two WABAs in one multi-id call plus one call per WABA, exactly as getNumber does', async () => {
    const { phoneNumberTier, wabaTier, applicationTier } = h.scenarios;
    const ids = [phoneNumberTier.phoneNumberId, wabaTier.phoneNumberId, applicationTier.phoneNumberId];
    const wabas = new Set([phoneNumberTier.wabaId, wabaTier.wabaId, applicationTier.wabaId]);
    await readNumberDetails(h.ctx, []); // nothing to read: no call at all
    expect(await h.calls()).toEqual([]);
    await getNumber(h.ctx, ids[0] ?? ''); // warm the fleet cache, as a page visit would
    await h.clearCalls();

    const details = await readNumberDetails(h.ctx, [...ids, 'not-an-id']);

    const calls = await h.calls();
    expect(calls.filter((c) => c.path.endsWith('/'))).toHaveLength(1);
    expect(calls).toHaveLength(1 + wabas.size);
    expect([...details.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(withoutReadAt(details.get(id))).toEqual(withoutReadAt(await getNumber(h.ctx, id)));
    }
  });

  it('leaves out a number no configured business has', async () => {
    const { phoneNumberTier } = h.scenarios;
    const details = await readNumberDetails(h.ctx, [phoneNumberTier.phoneNumberId, '999999999999999']);
    expect([...details.keys()]).toEqual([phoneNumberTier.phoneNumberId]);
  });
});
