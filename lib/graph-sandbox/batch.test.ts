import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BATCH_OPERATIONS } from '@/lib/graph/schemas';
import type { CallLogEntry } from './call-log';
import { startTestSandbox } from './test-helpers';

type BatchReply = Array<{ code: number; headers: Array<{ name: string; value: string }>; body: string }>;

let t: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());
beforeEach(() => t.reset());

const s = () => t.fixture.scenarios;

describe('batch', () => {
  it('runs operations in order, each with its own code, headers and JSON body string', async () => {
    const batch = [
      { method: 'GET', relative_url: `${s().wabaTier.phoneNumberId}?fields=webhook_configuration` },
      { method: 'GET', relative_url: '/v23.0/9999999' },
      { method: 'GET', relative_url: `${s().applicationTier.wabaId}/phone_numbers?limit=2` },
    ];
    const res = await t.graph<BatchReply>('/v23.0/', { form: { batch: JSON.stringify(batch) } });
    expect(res.status).toBe(200);
    expect(res.body.map((r) => r.code)).toEqual([200, 400, 200]);
    expect(JSON.parse(res.body[0]?.body ?? '')).toMatchObject({ id: s().wabaTier.phoneNumberId });
    expect(JSON.parse(res.body[1]?.body ?? '')).toMatchObject({ error: { code: 100, error_subcode: 33 } });
    const page = JSON.parse(res.body[2]?.body ?? '');
    expect(page.data).toHaveLength(2);
    expect(page.paging.next).toContain(`/v23.0/${s().applicationTier.wabaId}/phone_numbers?`);
    expect(res.body[0]?.headers.map((h) => h.name)).toEqual(
      expect.arrayContaining(['x-app-usage', 'x-business-use-case-usage']),
    );
  });

  it('accepts a JSON body at POST / and writes through the dispatcher', async () => {
    const batch = [
      { method: 'POST', relative_url: `${s().unsubscribedWaba.wabaId}/subscribed_apps` },
      { method: 'GET', relative_url: `${s().unsubscribedWaba.wabaId}/subscribed_apps` },
    ];
    const res = await t.graph<BatchReply>('/', { json: { batch } });
    expect(res.body.map((r) => r.code)).toEqual([200, 200]);
    const list = JSON.parse(res.body[1]?.body ?? '');
    expect(
      list.data.map((e: { whatsapp_business_api_data: { id: string } }) => e.whatsapp_business_api_data.id),
    ).toContain(t.fixture.apps[0]?.id);
  });

  it('uses an access_token inside relative_url over the outer token', async () => {
    const helpdesk = t.fixture.apps[1];
    const phone = s().sharedWaba.secondAppPhoneNumberId;
    const batch = [
      {
        method: 'GET',
        relative_url: `${phone}?fields=webhook_configuration&access_token=${helpdesk?.accessToken}`,
      },
    ];
    const res = await t.graph<BatchReply>('/v23.0/', { form: { batch: JSON.stringify(batch) } });
    expect(JSON.parse(res.body[0]?.body ?? '').webhook_configuration.phone_number).toBe(
      'https://helpdesk.example.net/meta/vip-line',
    );
  });

  it(`refuses more than ${MAX_BATCH_OPERATIONS} operations with error 100`, async () => {
    const op = { method: 'GET', relative_url: s().wabaTier.phoneNumberId };
    const res = await t.graph<{ error: { code: number; message: string } }>('/v23.0/', {
      form: { batch: JSON.stringify(Array.from({ length: MAX_BATCH_OPERATIONS + 1 }, () => op)) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(100);
    expect(res.body.error.message).toContain('Maximum batch size is 50');
    const ok = await t.graph<BatchReply>('/v23.0/', {
      form: { batch: JSON.stringify(Array.from({ length: MAX_BATCH_OPERATIONS }, () => op)) },
    });
    expect(ok.body).toHaveLength(50);
  });

  it('logs and budgets every operation on its own', async () => {
    await t.control('/faults', { json: { wabaCallBudget: 2 } });
    const op = { method: 'GET', relative_url: s().applicationTier.wabaId };
    const res = await t.graph<BatchReply>('/v23.0/', { form: { batch: JSON.stringify([op, op, op]) } });
    expect(res.body.map((r) => r.code)).toEqual([200, 200, 400]);
    expect(JSON.parse(res.body[2]?.body ?? '').error.code).toBe(80008);
    const calls = await t.control<{ data: CallLogEntry[] }>('/calls');
    expect(calls.body.data.filter((c) => c.batch)).toHaveLength(3);
    expect(calls.body.data.filter((c) => c.batch && c.errorCode === 80008)).toHaveLength(1);
  });
});
