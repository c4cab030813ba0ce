import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDelivery, getReceiver, latestDeliveryForNumber, listDeliveries, listReceivers } from './queries';
import { messagesPayload, startReceiversTestbed } from './test-support';
import { deliveryFiltersSchema } from './types';

let t: Awaited<ReturnType<typeof startReceiversTestbed>>;
let r: Awaited<ReturnType<typeof t.create>>;
beforeAll(async () => {
  t = await startReceiversTestbed();
  r = await t.create({ name: 'Inspector', verifyToken: 'inspector-verify-token' });
  await t.post(r.id, messagesPayload('111', ['wamid.a']), r.appSecret, {
    'x-sandbox-routing-tier': 'phone_number',
  });
  await t.post(r.id, messagesPayload('222', ['wamid.b']), r.appSecret);
  await t.post(r.id, messagesPayload('222', ['wamid.b']), r.appSecret);
  await t.post(r.id, messagesPayload('333', ['wamid.c']), 'wrong');
  const account = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '9', changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] }],
  });
  await t.post(r.id, account, r.appSecret);
});
afterAll(() => t.close());

const filters = (input: Record<string, string>) => deliveryFiltersSchema.parse(input);

describe('receiver list', () => {
  it('counts outcomes and masks the verify token', async () => {
    const [summary] = await listReceivers(t.ctx);
    expect(summary).toMatchObject({
      id: r.id,
      name: 'Inspector',
      url: `${t.origin}/api/hooks/${r.id}`,
      counts: { stored: 3, duplicate: 1, rejected: 1 },
    });
    expect(summary?.verifyTokenMasked).not.toContain('verify');
    expect(summary?.lastDeliveryAt).not.toBeNull();
    expect(JSON.stringify(summary)).not.toContain(r.appSecret);
    expect(await getReceiver(t.ctx, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

describe('inspector queries', () => {
  it('lists newest first and filters by phone number, field, signature and outcome', async () => {
    const all = await listDeliveries(t.ctx.db, r.id, filters({}));
    expect(all.items.map((d) => d.outcome)).toEqual(['stored', 'rejected', 'duplicate', 'stored', 'stored']);
    expect((await listDeliveries(t.ctx.db, r.id, filters({ phoneNumberId: '222' }))).items).toHaveLength(2);
    const account = await listDeliveries(t.ctx.db, r.id, filters({ field: 'account_update' }));
    expect(account.items.map((d) => d.fields)).toEqual([['account_update']]);
    const invalid = await listDeliveries(t.ctx.db, r.id, filters({ signature: 'invalid' }));
    expect(invalid.items.map((d) => d.rejectReason)).toEqual(['bad_signature']);
    expect((await listDeliveries(t.ctx.db, r.id, filters({ signature: 'valid' }))).items).toHaveLength(4);
    expect((await listDeliveries(t.ctx.db, r.id, filters({ outcome: 'duplicate' }))).items).toHaveLength(1);
  });

  it('refuses a phone number or field filter with a control or broken character (U+0000 made it a 500)', () => {
    for (const value of ['1\u0000', '\u0000', 'messages\u0007', '\ud83d']) {
      for (const key of ['phoneNumberId', 'field']) {
        const parsed = deliveryFiltersSchema.safeParse({ [key]: value });
        expect(parsed.error?.issues.map((i) => i.path)).toEqual([[key]]);
      }
    }
    expect(filters({ phoneNumberId: ' 222\n' }).phoneNumberId).toBe('222');
  });

  it('filters by time and pages with a cursor', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await listDeliveries(t.ctx.db, r.id, filters({ since: future }))).items).toEqual([]);
    expect((await listDeliveries(t.ctx.db, r.id, filters({ until: future }))).items).toHaveLength(5);
    const first = await listDeliveries(t.ctx.db, r.id, filters({ limit: '2' }));
    expect(first.items).toHaveLength(2);
    const second = await listDeliveries(
      t.ctx.db,
      r.id,
      filters({ limit: '2', before: String(first.nextBefore) }),
    );
    const third = await listDeliveries(
      t.ctx.db,
      r.id,
      filters({ limit: '2', before: String(second.nextBefore) }),
    );
    expect(third.items).toHaveLength(1);
    expect(third.nextBefore).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((d) => d.id);
    expect(new Set(ids).size).toBe(5);
  });

  it('reads one delivery with headers and body; bodies never appear in lists', async () => {
    const page = await listDeliveries(t.ctx.db, r.id, filters({ phoneNumberId: '111' }));
    const item = page.items[0];
    expect(item).toBeDefined();
    expect(item).not.toHaveProperty('body');
    const detail = await getDelivery(t.ctx.db, r.id, item?.id ?? '');
    expect(detail?.body).toBe(messagesPayload('111', ['wamid.a']));
    expect(detail?.routedTier).toBe('phone_number');
    expect(detail?.headers['x-hub-signature-256']).toMatch(/^sha256=/);
    expect(await getDelivery(t.ctx.db, '00000000-0000-4000-8000-000000000000', item?.id ?? '')).toBeNull();
  });

  it('finds the latest delivery any receiver stored for a number', async () => {
    expect(await latestDeliveryForNumber(t.ctx.db, '111')).toMatchObject({
      receiverId: r.id,
      receiverName: 'Inspector',
      field: 'messages',
      routedTier: 'phone_number',
    });
    expect(await latestDeliveryForNumber(t.ctx.db, '333')).toBeNull();
  });
});
