/** Client ↔ sandbox: batch requests. */
import { describe, expect, it } from 'vitest';
import { withSandbox } from './test-helpers/sandbox';

const h = withSandbox();

describe('batch', () => {
  it('runs operations in order, parsing each body, keeping errors per entry', async () => {
    const { scenarios, apps } = h.fixture;
    const results = await h.client(0).batch([
      { method: 'GET', relative_url: `${scenarios.wabaTier.phoneNumberId}?fields=webhook_configuration` },
      { method: 'GET', relative_url: '999999999999999?fields=id' },
      { method: 'GET', relative_url: `${scenarios.sharedWaba.wabaId}/subscribed_apps` },
    ]);
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({
      code: 200,
      body: expect.objectContaining({
        id: scenarios.wabaTier.phoneNumberId,
        webhook_configuration: expect.objectContaining({ application: apps[0]?.callbackUrl }),
      }),
    });
    expect(results[1]?.code).toBeGreaterThanOrEqual(400);
    expect(results[1]?.body).toMatchObject({ error: { code: 100, fbtrace_id: expect.any(String) } });
    expect(results[2]?.body).toMatchObject({ data: expect.any(Array) });

    const batchCalls = (await h.calls()).filter((c) => c.batch);
    expect(batchCalls.map((c) => c.status)).toEqual(expect.arrayContaining([200, results[1]?.code]));
  });

  it('accepts exactly 50 operations and refuses 51 without calling Graph', async () => {
    const op = {
      method: 'GET' as const,
      relative_url: `${h.fixture.scenarios.wabaTier.phoneNumberId}?fields=id`,
    };
    const fifty = await h.client(0).batch(Array.from({ length: 50 }, () => op));
    expect(fifty).toHaveLength(50);
    expect(fifty.every((r) => r?.code === 200)).toBe(true);

    const before = (await h.calls()).length;
    await expect(h.client(0).batch(Array.from({ length: 51 }, () => op))).rejects.toThrow(
      /at most 50 operations; got 51/,
    );
    expect((await h.calls()).length).toBe(before);
    expect(await h.client(0).batch([])).toEqual([]);
  });
});
