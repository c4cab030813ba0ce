import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setReceiverRequireMtls } from './manage';
import { RECENT_DELIVERIES, receiverMtlsStatus } from './mtls-status';
import { storeDeliveries } from './store-deliveries';
import { ACTOR, startReceiversTestbed } from './test-support';

let t: Awaited<ReturnType<typeof startReceiversTestbed>>;
beforeAll(async () => {
  t = await startReceiversTestbed();
});
afterAll(async () => {
  await t.close();
});

function rejected(receiverId: string, receivedAt: Date, clientCert?: 'valid' | 'invalid' | 'absent') {
  return {
    id: randomUUID(),
    receiverId,
    receivedAt,
    headers: {},
    bodyBytes: 0,
    rejectReason: 'bad_signature' as const,
    clientCert,
  };
}

describe('receiverMtlsStatus', () => {
  it('summarises each receiver: required or not, its latest deliveries by client certificate, last valid', async () => {
    const quiet = await t.create({ name: 'Quiet' });
    const busy = await t.create({ name: 'Busy' });
    expect((await setReceiverRequireMtls(t.ctx, { id: busy.id, requireMtls: true }, ACTOR)).ok).toBe(true);
    const validAt = new Date('2026-03-01T10:00:00Z');
    // One valid delivery, then enough others that it falls out of the recent window.
    await storeDeliveries(t.ctx.db, [rejected(busy.id, validAt, 'valid')]);
    const later = Array.from({ length: RECENT_DELIVERIES - 2 }, (_, i) =>
      rejected(busy.id, new Date(validAt.getTime() + (i + 1) * 1000), 'absent'),
    );
    await storeDeliveries(t.ctx.db, later);
    await storeDeliveries(t.ctx.db, [
      rejected(busy.id, new Date('2026-03-02T00:00:00Z'), 'invalid'),
      rejected(busy.id, new Date('2026-03-02T00:00:01Z')),
    ]);

    const status = await receiverMtlsStatus(t.ctx.db);
    expect(status).toEqual([
      {
        id: quiet.id,
        name: 'Quiet',
        requireMtls: false,
        recent: { total: 0, valid: 0, invalid: 0, absent: 0, notRecorded: 0 },
        lastValidAt: null,
      },
      {
        id: busy.id,
        name: 'Busy',
        requireMtls: true,
        recent: {
          total: RECENT_DELIVERIES,
          valid: 0,
          invalid: 1,
          absent: RECENT_DELIVERIES - 2,
          notRecorded: 1,
        },
        lastValidAt: validAt.toISOString(),
      },
    ]);
  });
});
