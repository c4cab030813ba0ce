import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appUsageSchema, businessUseCaseUsageSchema } from '@/lib/graph/schemas';
import { startTestSandbox } from './test-helpers';

type ErrorBody = { error: { code: number; message: string; is_transient?: boolean } };

let t: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  t = await startTestSandbox({ wabaCallBudget: 4 });
});
afterAll(() => t.sandbox.close());
beforeEach(() => t.reset());

const waba = () => t.fixture.scenarios.applicationTier.wabaId;
const phone = () => t.fixture.scenarios.applicationTier.phoneNumberId;
const buc = (headers: Headers) =>
  businessUseCaseUsageSchema.parse(JSON.parse(headers.get('x-business-use-case-usage') ?? ''));

describe('usage headers and the per-(app, WABA) budget', () => {
  it('sends X-App-Usage on every call and X-Business-Use-Case-Usage for WABAs and their numbers', async () => {
    const business = await t.graph(`/v23.0/${t.fixture.businesses[0]?.id}`);
    expect(appUsageSchema.safeParse(JSON.parse(business.headers.get('x-app-usage') ?? '')).success).toBe(
      true,
    );
    expect(business.headers.get('x-business-use-case-usage')).toBeNull();
    const first = await t.graph(`/v23.0/${waba()}`);
    expect(buc(first.headers)[waba()]?.[0]).toMatchObject({
      type: 'whatsapp_business_management',
      call_count: 25,
    });
    const second = await t.graph(`/v23.0/${phone()}`);
    expect(buc(second.headers)[waba()]?.[0]?.call_count).toBe(50);
  });

  it('answers 80008 with a wait once the budget is spent, for this app only', async () => {
    for (let i = 0; i < 4; i += 1) expect((await t.graph(`/v23.0/${waba()}/phone_numbers`)).status).toBe(200);
    const limited = await t.graph<ErrorBody>(`/v23.0/${phone()}`);
    expect(limited.status).toBe(400);
    expect(limited.body.error).toMatchObject({
      code: 80008,
      message:
        '(#80008) There have been too many calls to this WhatsApp Business account. Wait a bit and try again.',
    });
    const usage = buc(limited.headers)[waba()]?.[0];
    expect(usage?.call_count).toBe(100);
    expect(usage?.estimated_time_to_regain_access).toBeGreaterThan(0);
    const otherApp = await t.graph(`/v23.0/${phone()}`, { token: t.fixture.apps[1]?.accessToken });
    expect(otherApp.status).toBe(200);
    const otherWaba = await t.graph(`/v23.0/${t.fixture.scenarios.wabaTier.wabaId}`);
    expect(otherWaba.status).toBe(200);
  });
});

describe('fault injection', () => {
  it('fails every call at rate 1 and none at rate 0; /_sandbox is never affected', async () => {
    await t.control('/faults', { json: { faultRate: 1, faultKind: 'code2' } });
    const res = await t.graph<ErrorBody>(`/v23.0/${waba()}`);
    expect(res.status).toBe(500);
    expect(res.body.error).toMatchObject({ code: 2, is_transient: true });
    expect((await t.control('/health')).status).toBe(200);
    await t.control('/faults', { json: { faultRate: 0, faultKind: 'code2' } });
    expect((await t.graph(`/v23.0/${waba()}`)).status).toBe(200);
  });

  it('count mode fails the first N matching calls, then succeeds', async () => {
    await t.control('/faults', { json: { count: 2, faultKind: 'http500', pathPattern: '/phone_numbers$' } });
    expect((await t.graph(`/v23.0/${waba()}`)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await t.graph(`/v23.0/${waba()}/phone_numbers`)).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('injected 80008 carries usage headers at 100% that regain at once', async () => {
    await t.control('/faults', { json: { count: 1, faultKind: 'code80008' } });
    const res = await t.graph<ErrorBody>(`/v23.0/${phone()}`);
    expect(res.body.error.code).toBe(80008);
    expect(buc(res.headers)[waba()]?.[0]).toMatchObject({
      call_count: 100,
      estimated_time_to_regain_access: 0,
    });
  });

  it('adds latency to Graph calls only', async () => {
    await t.control('/faults', { json: { latencyMs: 150 } });
    let started = performance.now();
    await t.graph(`/v23.0/${waba()}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    started = performance.now();
    await t.control('/health');
    expect(performance.now() - started).toBeLessThan(100);
    const cleared = await t.control('/faults', { method: 'DELETE' });
    expect(cleared.body).toEqual({});
  });

  it('refuses an invalid fault configuration', async () => {
    expect((await t.control('/faults', { json: { faultRate: 2 } })).status).toBe(400);
    expect((await t.control('/faults', { json: { pathPattern: '(' } })).status).toBe(400);
  });

  it('applies faults given at start', async () => {
    const faulty = await startTestSandbox({ faultRate: 1, faultKind: 'http500' });
    try {
      const res = await faulty.graph<ErrorBody>(`/v23.0/${faulty.fixture.businesses[0]?.id}`);
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe(1);
    } finally {
      await faulty.sandbox.close();
    }
  });
});
