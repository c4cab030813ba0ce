import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiverDeliveries, receiverEvents, receivers } from '@/lib/db/schema';
import { getReceiver } from './queries';
import { pruneDeliveries } from './retention';
import { REJECTED_SAMPLE } from './store-deliveries';
import { messagesPayload, startReceiversTestbed } from './test-support';

let t: Awaited<ReturnType<typeof startReceiversTestbed>>;
beforeAll(async () => {
  t = await startReceiversTestbed();
});
afterAll(() => t.close());

const rowsOf = (receiverId: string) =>
  t.ctx.db
    .select()
    .from(receiverDeliveries)
    .where(eq(receiverDeliveries.receiverId, receiverId))
    .orderBy(receiverDeliveries.seq);

describe('rejected requests', () => {
  it(`are counted, but only the latest ${REJECTED_SAMPLE} per receiver are kept`, {
    timeout: 60_000,
  }, async () => {
    const r = await t.create();
    const other = await t.create();
    const sent = REJECTED_SAMPLE + 20;
    for (let i = 0; i < sent; i++) {
      const res = await t.post(r.id, `{"n":${i}}`, 'not-the-secret');
      expect(res.status).toBe(401);
    }
    expect((await t.post(other.id, '{}', 'not-the-secret')).status).toBe(401);
    const good = await t.post(r.id, messagesPayload('555', ['wamid.kept']), r.appSecret);
    expect(good.status).toBe(200);

    const rows = await rowsOf(r.id);
    const rejected = rows.filter((d) => d.outcome === 'rejected');
    expect(rejected).toHaveLength(REJECTED_SAMPLE);
    // The newest are the ones kept: body sizes of {"n":20} … {"n":119}.
    expect(rejected.at(-1)?.bodyBytes).toBe(Buffer.byteLength(`{"n":${sent - 1}}`));
    expect(rows.filter((d) => d.outcome === 'stored')).toHaveLength(1);
    const [receiverRow] = await t.ctx.db.select().from(receivers).where(eq(receivers.id, r.id));
    expect(receiverRow?.rejectedTotal).toBe(sent);

    const summary = await getReceiver(t.ctx, r.id);
    expect(summary?.counts).toEqual({ stored: 1, duplicate: 0, rejected: sent });
    expect(summary?.rejectedKept).toBe(REJECTED_SAMPLE);
    // Another receiver's rejections are its own.
    expect((await getReceiver(t.ctx, other.id))?.counts.rejected).toBe(1);
  });
});

describe('rejections written together', () => {
  it('count every rejection of a batch on its own receiver, next to the deliveries stored with them', async () => {
    const a = await t.create();
    const b = await t.create();
    // Sent at once, so they land in the same group-committed write (one statement for the lot).
    const answers = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => t.post(a.id, `{"a":${i}}`, 'not-the-secret')),
      ...Array.from({ length: 7 }, (_, i) => t.post(b.id, `{"b":${i}}`, 'not-the-secret')),
      ...Array.from({ length: 5 }, (_, i) =>
        t.post(a.id, messagesPayload('557', [`wamid.batch.${i}`]), a.appSecret),
      ),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(5).fill(200), ...Array(19).fill(401)]);
    const total = async (id: string) =>
      (await t.ctx.db.select().from(receivers).where(eq(receivers.id, id)))[0]?.rejectedTotal;
    expect(await total(a.id)).toBe(12);
    expect(await total(b.id)).toBe(7);
    expect((await rowsOf(a.id)).filter((d) => d.outcome === 'stored')).toHaveLength(5);
  });
});

describe('retention', () => {
  it('deletes deliveries and events older than the retention period, and keeps the rest', async () => {
    const r = await t.create();
    expect((await t.post(r.id, messagesPayload('556', ['wamid.old']), r.appSecret)).status).toBe(200);
    const inAMonth = new Date(Date.now() + 31 * 24 * 60 * 60_000);
    // Thirty days from now nothing is old yet; 31 days from now the delivery above is.
    expect((await pruneDeliveries(t.ctx.db, 60, inAMonth)).deliveries).toBe(0);
    expect((await rowsOf(r.id)).length).toBe(1);
    const pruned = await pruneDeliveries(t.ctx.db, 30, inAMonth);
    expect(pruned.deliveries).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(r.id)).toEqual([]);
    const events = await t.ctx.db.select().from(receiverEvents).where(eq(receiverEvents.receiverId, r.id));
    expect(events).toEqual([]);
  });
});
