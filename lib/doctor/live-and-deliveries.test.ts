/**
 * `callback_live` against a local receiver that answers Meta's verification GET in bad ways, and
 * `recent_deliveries` against rows in a real database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiverDeliveries, receiverEvents, receivers } from '@/lib/db/schema';
import { startReceiver, startRoutingHarness, type TestReceiver } from '@/lib/routing/test-support';
import { callbackLiveCheck } from './callback-live';
import type { DoctorContext } from './context';
import { recentDeliveriesCheck } from './recent-deliveries';

let h: Awaited<ReturnType<typeof startRoutingHarness>>;
let receiver: TestReceiver;
let ctx: DoctorContext;

beforeAll(async () => {
  h = await startRoutingHarness();
  receiver = await startReceiver();
  ctx = {
    ...h.ctx,
    appAccessToken: null,
    accessToken: 'unused',
    managedReceiver: async () => null,
    liveTimeoutMs: 800,
  };
}, 60_000);
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

describe('callback_live says what came instead of the challenge', () => {
  it.each([
    ['/quoted', /JSON quotes/],
    ['/newline', /extra whitespace/],
    ['/wrong', /not the challenge/],
    ['/auth', /HTTP 401: an auth wall/],
    ['/redirect', /redirect/],
    ['/missing', /HTTP 404/],
    ['/hang', /No answer within 800 ms/],
  ])('%s fails', async (path, detail) => {
    const result = await callbackLiveCheck(ctx, `${receiver.url}${path}`);
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(detail);
    expect(result.detail).not.toContain('secret-page-content');
  });

  it('warns about a "+" in the path of a receiver that otherwise answers well', async () => {
    const put = await fetch(`${h.sandbox.url}/_sandbox/receiver/de+mo`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verifyToken: 'plus-token' }),
    });
    expect(put.status).toBe(200);
    const plus = await callbackLiveCheck(ctx, `${h.sandbox.url}/_sandbox/receiver/de+mo`);
    expect(plus.status).toBe('warn');
    expect(plus.detail).toContain('re-encode');
    const plain = await callbackLiveCheck(ctx, `${h.sandbox.url}/_sandbox/receiver/demo`);
    expect(plain.status).toBe('pass');
    expect(plain.detail).toContain('HTTP 403');
  });

  it('refuses a private address outside loopback mode without sending anything', async () => {
    const before = receiver.hits.length;
    const result = await callbackLiveCheck({ ...ctx, allowLoopbackCallbacks: false }, `${receiver.url}/echo`);
    expect(result.status).toBe('fail');
    expect(receiver.hits.length).toBe(before);
  });
});

describe('recent_deliveries', () => {
  const phone = '106540352299999';
  it('passes with the last event, and fails once deliveries are refused as badly signed', async () => {
    const [row] = await h.ctx.db
      .insert(receivers)
      .values({ name: 'Doctor test', verifyTokenEnc: 'x', appSecretEnc: 'x', createdBy: 'test' })
      .returning({ id: receivers.id });
    if (!row) throw new Error('no receiver');
    const managed = { receiverId: row.id, name: 'Doctor test', verifyToken: 't' };
    expect((await recentDeliveriesCheck(h.ctx.db, phone, managed)).status).toBe('skip');
    expect((await recentDeliveriesCheck(h.ctx.db, phone, null)).status).toBe('skip');

    const stored = randomUUID();
    const at = new Date(Date.now() - 5 * 60_000);
    await h.ctx.db.insert(receiverDeliveries).values({
      id: stored,
      receiverId: row.id,
      receivedAt: at,
      outcome: 'stored',
      headers: {},
      bodyBytes: 10,
    });
    await h.ctx.db.insert(receiverEvents).values({
      receiverId: row.id,
      eventKey: 'k1',
      deliveryId: stored,
      field: 'messages',
      phoneNumberId: phone,
      receivedAt: at,
    });
    const ok = await recentDeliveriesCheck(h.ctx.db, phone, managed);
    expect(ok.status).toBe('pass');
    expect(ok.detail).toContain(at.toISOString());

    await h.ctx.db.insert(receiverDeliveries).values({
      id: randomUUID(),
      receiverId: row.id,
      receivedAt: new Date(),
      outcome: 'rejected',
      rejectReason: 'bad_signature',
      headers: {},
      bodyBytes: 10,
    });
    const bad = await recentDeliveriesCheck(h.ctx.db, phone, managed);
    expect(bad).toMatchObject({ status: 'fail', fix: { kind: 'receivers', receiverId: row.id } });
    expect(bad.title).toContain('check its app secret');
  });

  it('fails when a receiver that requires mTLS refuses deliveries without a client certificate, saying what Graph cannot show', async () => {
    const [row] = await h.ctx.db
      .insert(receivers)
      .values({
        name: 'mTLS test',
        verifyTokenEnc: 'x',
        appSecretEnc: 'x',
        createdBy: 'test',
        requireMtls: true,
      })
      .returning({ id: receivers.id });
    if (!row) throw new Error('no receiver');
    const managed = { receiverId: row.id, name: 'mTLS test', verifyToken: 't' };
    expect((await recentDeliveriesCheck(h.ctx.db, phone, managed)).detail).toContain('Graph does not expose');

    await h.ctx.db.insert(receiverDeliveries).values({
      id: randomUUID(),
      receiverId: row.id,
      receivedAt: new Date(),
      outcome: 'rejected',
      rejectReason: 'client_certificate',
      headers: {},
      bodyBytes: 10,
    });
    const refused = await recentDeliveriesCheck(h.ctx.db, phone, managed);
    expect(refused).toMatchObject({ status: 'fail', fix: { kind: 'receivers', receiverId: row.id } });
    expect(refused.title).toContain('requires mTLS');
    expect(refused.detail).toContain('App Dashboard');
  });
});
