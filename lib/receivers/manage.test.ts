import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLog, receivers } from '@/lib/db/schema';
import { deleteReceiver, rotateReceiverSecret } from './manage';
import { getReceiverKeys, invalidateReceiverKeys } from './receiver-keys';
import { decryptSecret, makeKeyring } from './secret-box';
import { ACTOR, messagesPayload, randomKey, startReceiversTestbed } from './test-support';

let t: Awaited<ReturnType<typeof startReceiversTestbed>>;
beforeAll(async () => {
  t = await startReceiversTestbed();
});
afterAll(() => t.close());

const kind = (res: Response) => res.headers.get('x-switchboard-delivery') ?? String(res.status);

describe('secret rotation', () => {
  it('accepts old and new secrets during the grace period, then only the new one', async () => {
    const r = await t.create({ appSecret: 'old-secret' });
    const now = new Date();
    const rotated = await rotateReceiverSecret(
      t.ctx,
      { id: r.id, appSecret: 'new-secret', graceHours: 1 },
      ACTOR,
      now,
    );
    expect(rotated.ok).toBe(true);
    expect(kind(await t.post(r.id, messagesPayload('1', ['wamid.new']), 'new-secret'))).toBe('stored');
    expect(kind(await t.post(r.id, messagesPayload('1', ['wamid.old']), 'old-secret'))).toBe('stored');
    const keys = await getReceiverKeys(t.ctx.db, t.ctx.keyring, r.id);
    expect(keys?.previousValidUntil?.getTime()).toBe(now.getTime() + 3_600_000);

    // Once the grace period is over the old secret no longer verifies.
    await t.ctx.db
      .update(receivers)
      .set({ previousSecretValidUntil: new Date(Date.now() - 1000) })
      .where(eq(receivers.id, r.id));
    invalidateReceiverKeys(r.id);
    expect(kind(await t.post(r.id, messagesPayload('1', ['wamid.late']), 'old-secret'))).toBe('401');
    expect(kind(await t.post(r.id, messagesPayload('1', ['wamid.late']), 'new-secret'))).toBe('stored');
  });

  it('refuses to "rotate" to the same secret and reports unknown receivers', async () => {
    const r = await t.create({ appSecret: 'same' });
    expect(await rotateReceiverSecret(t.ctx, { id: r.id, appSecret: 'same' }, ACTOR)).toEqual({
      ok: false,
      error: 'same_secret',
    });
    expect(
      await rotateReceiverSecret(
        t.ctx,
        { id: '00000000-0000-4000-8000-000000000000', appSecret: 'x' },
        ACTOR,
      ),
    ).toEqual({ ok: false, error: 'not_found' });
  });

  it('uses the configured grace period by default and logs without secrets', async () => {
    const r = await t.create({ appSecret: 'first-secret-value' });
    const now = new Date();
    await rotateReceiverSecret(t.ctx, { id: r.id, appSecret: 'second-secret-value' }, ACTOR, now);
    const keys = await getReceiverKeys(t.ctx.db, t.ctx.keyring, r.id);
    expect(keys?.previousValidUntil?.getTime()).toBe(now.getTime() + 24 * 3_600_000);
    const log = await t.ctx.db.select().from(changeLog).where(eq(changeLog.targetId, r.id));
    expect(log.map((l) => l.action)).toEqual(['receiver.create', 'receiver.rotate_secret']);
    const text = JSON.stringify(log);
    for (const secret of ['first-secret-value', 'second-secret-value', r.verifyToken])
      expect(text).not.toContain(secret);
  });
});

describe('secrets at rest', () => {
  it('stores only ciphertext and re-encrypts under a new SECRETS_KEY on first use', async () => {
    const r = await t.create({ appSecret: 'plain-app-secret', verifyToken: 'plain-verify-token' });
    const [row] = await t.ctx.db.select().from(receivers).where(eq(receivers.id, r.id));
    expect(JSON.stringify(row)).not.toMatch(/plain-app-secret|plain-verify-token/);

    const oldKeyring = t.ctx.keyring;
    const newKeyring = makeKeyring(randomKey(), [oldKeyring.current.key.toString('base64')]);
    invalidateReceiverKeys(r.id);
    const keys = await getReceiverKeys(t.ctx.db, newKeyring, r.id);
    expect(keys?.appSecret).toBe('plain-app-secret');
    const [after] = await t.ctx.db.select().from(receivers).where(eq(receivers.id, r.id));
    expect(after?.appSecretEnc.split(':')[1]).toBe(newKeyring.current.id);
    // The old key is no longer needed for this row.
    expect(
      decryptSecret(
        makeKeyring(randomKey(), [newKeyring.current.key.toString('base64')]),
        after?.verifyTokenEnc ?? '',
      ),
    ).toBe('plain-verify-token');
    invalidateReceiverKeys(r.id);
  });
});

describe('deleting', () => {
  it('removes the receiver and its deliveries; its URL answers 404 at once', async () => {
    const r = await t.create();
    expect((await t.post(r.id, messagesPayload('1', ['wamid.d']), r.appSecret)).status).toBe(200);
    expect(await deleteReceiver(t.ctx, r.id, ACTOR)).toEqual({ ok: true, data: { name: 'Test receiver' } });
    expect((await t.post(r.id, messagesPayload('1', ['wamid.e']), r.appSecret)).status).toBe(404);
    expect(
      (await fetch(`${r.url}?hub.mode=subscribe&hub.verify_token=${r.verifyToken}&hub.challenge=1`)).status,
    ).toBe(404);
    expect(await deleteReceiver(t.ctx, r.id, ACTOR)).toEqual({ ok: false, error: 'not_found' });
  });
});
