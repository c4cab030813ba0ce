/**
 * Setting an override to a managed receiver, the way the *set override* actions do it: the action schema,
 * then `resolveOverrideTarget` (URL and decrypted verify token, server-side), then the routing service —
 * against the real sandbox over HTTP, whose live verification GET is answered by the receiver's own
 * handshake code (lib/receivers/hook-handlers.ts) on a plain HTTP server.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setPhoneOverride } from '@/lib/routing/phone-override';
import { testCallback } from '@/lib/routing/test-callback';
import { startRoutingHarness } from '@/lib/routing/test-support';
import {
  type OverrideTargetInput,
  setPhoneOverrideActionSchema,
  setWabaOverrideActionSchema,
} from '@/lib/routing/validation';
import { setWabaOverride } from '@/lib/routing/waba-override';
import { deleteReceiver } from './manage';
import { listReceiverChoices, resolveOverrideTarget } from './picker';
import { ACTOR, startReceiversTestbed } from './test-support';

const TOKEN = 'picker verify+token/секрет';
const actor = { id: null, email: 'operator@example.com' };

let t: Awaited<ReturnType<typeof startReceiversTestbed>>;
let h: Awaited<ReturnType<typeof startRoutingHarness>>;
beforeAll(async () => {
  t = await startReceiversTestbed();
  h = await startRoutingHarness({ db: t.ctx.db });
});
afterAll(async () => {
  await h.close();
  await t.close();
});
beforeEach(async () => {
  await h.reset();
  await h.clearCalls();
  t.seen.length = 0;
});

/** What the action does after its schema: resolve the target, then call the service (or return the error). */
async function setPhoneVia(raw: Record<string, unknown>) {
  const input = setPhoneOverrideActionSchema(true).parse(raw);
  const target = await resolveOverrideTarget(t.ctx, input as OverrideTargetInput);
  if (!target.ok) return target;
  const { ok: _ok, ...resolved } = target;
  const { phoneNumberId, expected } = input;
  return setPhoneOverride(h.ctx, { phoneNumberId, expected, ...resolved }, actor);
}

function handshakes(receiverId: string) {
  return t.seen.filter(
    (r) => r.startsWith(`GET /api/hooks/${receiverId}?`) && r.includes('hub.mode=subscribe'),
  );
}

describe('override to a managed receiver', () => {
  it('resolves URL and token on the server; the sandbox verifies it against the handshake and writes it', async () => {
    const receiver = await t.create({ name: 'Dublin desk', verifyToken: TOKEN });
    const { phoneNumberId } = h.scenarios.wabaTier;

    // The picker's options carry no secret.
    const choices = await listReceiverChoices(t.ctx);
    expect(choices).toEqual([{ id: receiver.id, name: 'Dublin desk', url: receiver.url }]);
    expect(JSON.stringify(choices)).not.toContain(TOKEN);

    const outcome = await setPhoneVia({
      target: 'receiver',
      receiverId: receiver.id,
      phoneNumberId,
      expected: '',
    });
    expect(outcome).toMatchObject({
      kind: 'applied',
      after: {
        tiers: { phone_number: receiver.url },
        resolution: { winner: 'phone_number', url: receiver.url },
      },
    });
    expect(receiver.url).toBe(`${t.origin}/api/hooks/${receiver.id}`);
    expect((await h.ctx.graph.getWebhookConfiguration(phoneNumberId)).phone_number).toBe(receiver.url);
    expect((await h.writes()).map((c) => `${c.method} ${c.status}`)).toEqual(['POST 200']);
    // Our preflight and the sandbox's live verification both reached the receiver's handshake, with its token.
    const gets = handshakes(receiver.id);
    expect(gets).toHaveLength(2);
    for (const get of gets) {
      expect(new URL(get.slice(4), 'http://x').searchParams.get('hub.verify_token')).toBe(TOKEN);
    }

    const rows = await h.changeRows(phoneNumberId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'phone_override.set',
      outcome: 'success',
      requested: { overrideCallbackUri: receiver.url, receiver: { id: receiver.id, name: 'Dublin desk' } },
    });
    expect(rows[0]?.requested).not.toHaveProperty('verifyToken');
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(JSON.stringify(await h.checkRows())).not.toContain(TOKEN);
  });

  it('sets a WABA override to a receiver the same way', async () => {
    const receiver = await t.create({ name: 'EU desk', verifyToken: TOKEN });
    const { wabaId } = h.scenarios.applicationTier;
    const input = setWabaOverrideActionSchema(true).parse({
      target: 'receiver',
      receiverId: receiver.id,
      wabaId,
      expected: '',
    });
    const target = await resolveOverrideTarget(t.ctx, input as OverrideTargetInput);
    if (!target.ok) throw new Error('the receiver did not resolve');
    const outcome = await setWabaOverride(h.ctx, { wabaId, expected: null, ...target }, actor);
    expect(outcome).toMatchObject({ kind: 'applied', after: { wabaId, wabaOverride: receiver.url } });
    expect(handshakes(receiver.id)).toHaveLength(2);
    const rows = await h.changeRows(wabaId);
    expect(rows[0]?.requested).toEqual({
      overrideCallbackUri: receiver.url,
      receiver: { id: receiver.id, name: 'EU desk' },
    });
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
  });

  it("tests a receiver's callback without a write, logging the receiver instead of its token", async () => {
    const receiver = await t.create({ name: 'Check desk', verifyToken: TOKEN });
    const target = await resolveOverrideTarget(t.ctx, { target: 'receiver', receiverId: receiver.id });
    if (!target.ok) throw new Error('the receiver did not resolve');
    const result = await testCallback(
      h.ctx,
      { url: target.overrideCallbackUri, verifyToken: target.verifyToken, receiver: target.receiver },
      actor,
    );
    expect(result).toMatchObject({ ok: true, httpStatus: 200, challengeEchoed: true });
    expect(handshakes(receiver.id)).toHaveLength(1);
    expect(await h.writes()).toEqual([]);
    const rows = await h.changeRows(receiver.url);
    expect(rows.map((r) => [r.action, r.requested])).toEqual([
      ['callback.test', { url: receiver.url, receiver: { id: receiver.id, name: 'Check desk' } }],
    ]);
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
  });

  it('refuses an unknown or deleted receiver as a field error, with no Graph write and no log row', async () => {
    const { phoneNumberId } = h.scenarios.wabaTier;
    const deleted = await t.create({ name: 'Gone', verifyToken: TOKEN });
    expect((await deleteReceiver(t.ctx, deleted.id, ACTOR)).ok).toBe(true);
    for (const receiverId of [randomUUID(), deleted.id]) {
      const outcome = await setPhoneVia({ target: 'receiver', receiverId, phoneNumberId, expected: '' });
      expect(outcome).toEqual({
        ok: false,
        fieldErrors: { receiverId: [expect.stringContaining('no longer exists')] },
      });
    }
    expect(await h.writes()).toEqual([]);
    expect(await h.changeRows(phoneNumberId)).toEqual([]);
    expect(handshakes(deleted.id)).toEqual([]);
  });
});

describe('the set-override action schema', () => {
  const schema = setPhoneOverrideActionSchema(true);
  const base = { phoneNumberId: '123', expected: '' };

  it('defaults to a typed URL and token, as forms and callers did before the picker', () => {
    expect(schema.parse({ ...base, overrideCallbackUri: 'https://a.example/h', verifyToken: 'tok' })).toEqual(
      {
        ...base,
        expected: null,
        target: 'custom',
        overrideCallbackUri: 'https://a.example/h',
        verifyToken: 'tok',
      },
    );
  });

  it('keeps only the receiver id for a receiver, and names a bad one on its field', () => {
    const id = randomUUID();
    expect(
      schema.parse({
        ...base,
        target: 'receiver',
        receiverId: id,
        overrideCallbackUri: 'x',
        verifyToken: 'y',
      }),
    ).toEqual({ ...base, expected: null, target: 'receiver', receiverId: id });
    for (const receiverId of [undefined, '', 'not-a-uuid', "1' OR '1'='1"]) {
      const parsed = schema.safeParse({ ...base, target: 'receiver', receiverId });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['receiverId']);
    }
    expect(schema.safeParse({ ...base, target: 'elsewhere' }).success).toBe(false);
  });
});
