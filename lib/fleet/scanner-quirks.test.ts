/** The audit scan against Graph's paging as it really is, with every call proved by appsecret_proof. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditGraph } from '@/lib/audit/graph';
import { Throttle } from '@/lib/audit/throttle';
import { sandboxClient } from '@/lib/graph-sandbox/client';
import { startSandbox } from '@/lib/graph-sandbox/server';
import { scanFleet } from './scanner';
import type { ScannedWaba } from './types';

describe('audit scan under short Graph pages', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, fleet: { wabas: 12, numbersPerWaba: 5 } });
  });
  afterAll(() => sandbox.close());

  it('reads every number once, stopping only where a page has no next, and proves every call', async () => {
    const control = sandboxClient(sandbox.url);
    await control.quirks({ shortPages: true });
    await control.clearCalls();
    const app = sandbox.fixture.apps[0];
    if (!app) throw new Error('the fixture has no app');
    const audit = createAuditGraph(
      {
        baseUrl: sandbox.url,
        version: sandbox.fixture.graphVersion,
        accessToken: app.accessToken,
        appSecret: app.secret,
        timeoutMs: 5_000,
        maxRetries: 0,
      },
      new Throttle({ backoffBaseMs: 10, slowDelayMs: 1, maxWaitMs: 500 }),
    );
    const wabas: ScannedWaba[] = [];
    const outcome = await scanFleet(
      {
        graph: audit.graph,
        throttle: audit.throttle,
        businessIds: sandbox.fixture.businesses.map((b) => b.id),
      },
      { wabaPageSize: 4, nestedLimit: 2, onWabas: async (batch) => void wabas.push(...batch) },
    );
    expect(outcome.errors).toEqual([]);
    const numbers = wabas.flatMap((w) => w.numbers.map((n) => n.id));
    expect(new Set(wabas.map((w) => w.wabaId)).size).toBe(sandbox.fixture.counts.wabas);
    expect(new Set(numbers).size).toBe(sandbox.fixture.counts.phoneNumbers);
    expect(numbers).toHaveLength(sandbox.fixture.counts.phoneNumbers);
    const calls = await control.calls();
    expect(calls.filter((call) => call.appsecretProof !== 'valid')).toEqual([]);
  });
});
