/**
 * Two instances on one database: each has its own fleet cache (as two server processes do), and a write on
 * one must not leave the other serving the route it cached before.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RoutingContext } from './context';
import { readFleet } from './fleet';
import { FleetCache } from './fleet-cache';
import { setPhoneOverride } from './phone-override';
import { RECEIVER_TOKEN, startReceiver, startRoutingHarness, type TestReceiver } from './test-support';

let h: Awaited<ReturnType<typeof startRoutingHarness>>;
let receiver: TestReceiver;
let other: RoutingContext;

beforeAll(async () => {
  [h, receiver] = await Promise.all([startRoutingHarness(), startReceiver()]);
});
afterAll(async () => {
  await Promise.all([h.close(), receiver.close()]);
});
beforeEach(async () => {
  await h.reset();
  // The second instance: same Graph app and database, its own process-local cache (30 s TTL).
  other = { ...h.ctx, fleetCache: new FleetCache(30_000) };
});

async function phoneTierSeenBy(ctx: RoutingContext, phoneNumberId: string): Promise<string | undefined> {
  const scan = await readFleet(ctx);
  const number = scan.wabas.flatMap((w) => w.numbers).find((n) => n.id === phoneNumberId);
  return number?.webhook_configuration?.phone_number;
}

describe('fleet cache across instances', () => {
  it('drops the other instance cached scan after a write here', async () => {
    const { phoneNumberId } = h.scenarios.wabaTier;
    expect(await phoneTierSeenBy(other, phoneNumberId)).toBeUndefined();

    const url = `${receiver.url}/echo?instance=a`;
    const outcome = await setPhoneOverride(
      h.ctx,
      { phoneNumberId, overrideCallbackUri: url, verifyToken: RECEIVER_TOKEN, expected: null },
      { id: null, email: 'operator@example.com' },
    );
    expect(outcome.kind).toBe('applied');

    await h.clearCalls();
    expect(await phoneTierSeenBy(other, phoneNumberId)).toBe(url);
    // It rescanned because of the write, not because its cache had expired.
    expect((await h.calls()).length).toBeGreaterThan(0);
  });

  it('keeps using its cache while nobody writes', async () => {
    const { phoneNumberId } = h.scenarios.phoneNumberTier;
    const first = await phoneTierSeenBy(other, phoneNumberId);
    await h.clearCalls();
    expect(await phoneTierSeenBy(other, phoneNumberId)).toBe(first);
    expect(await h.calls()).toEqual([]);
  });
});
