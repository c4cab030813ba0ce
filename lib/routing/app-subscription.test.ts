/**
 * The application tier against the Graph sandbox over HTTP and a real database: read, set with preflight and
 * read-back, refusals that send nothing to Graph, delete behind the typed app id, and the change log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppTierContext,
  appSubscriptionValue,
  deleteAppSubscription,
  getAppTier,
  NO_APP_SECRET_MESSAGE,
  setAppSubscription,
} from './app-subscription';
import { RECEIVER_TOKEN, startReceiver, startRoutingHarness, type TestReceiver } from './test-support';
import type { AppSubscriptionView } from './types';

let h: Awaited<ReturnType<typeof startRoutingHarness>>;
let receiver: TestReceiver;
let ctx: AppTierContext;
const actor = { id: null, email: 'admin@example.com' };

beforeAll(async () => {
  h = await startRoutingHarness();
  receiver = await startReceiver();
  const app = h.fixture.apps[0];
  if (!app) throw new Error('no fixture app');
  ctx = { ...h.ctx, appAccessToken: `${app.id}|${app.secret}` };
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});
beforeEach(async () => {
  await h.reset();
  await h.clearCalls();
});

async function current(): Promise<AppSubscriptionView | null> {
  const read = await getAppTier(ctx);
  if (read.kind !== 'ok') throw new Error(`app tier not readable: ${JSON.stringify(read)}`);
  return read.subscription;
}

describe('reading the application tier', () => {
  it('reports the callback URL, fields and active flag Graph has', async () => {
    const sub = await current();
    expect(sub?.callbackUrl).toBe(h.fixture.apps[0]?.callbackUrl);
    expect(sub?.fields).toContain('messages');
    expect(sub?.active).toBe(true);
  });

  it('says the app secret is missing instead of failing, and calls nothing', async () => {
    expect(await getAppTier({ ...ctx, appAccessToken: null })).toEqual({
      kind: 'no_secret',
      appId: ctx.appId,
    });
    expect(await h.calls()).toEqual([]);
  });

  it('turns a wrong app token into a Graph error view', async () => {
    const read = await getAppTier({ ...ctx, appAccessToken: `${ctx.appId}|wrong-secret` });
    expect(read.kind).toBe('error');
  });
});

describe('setting the application callback', () => {
  it('preflights, writes, reads back and logs before and after with the token masked', async () => {
    const before = await current();
    const url = `${receiver.url}/echo`;
    const outcome = await setAppSubscription(
      ctx,
      {
        callbackUrl: url,
        verifyToken: RECEIVER_TOKEN,
        fields: ['messages', 'account_update'],
        expected: appSubscriptionValue(before),
      },
      actor,
    );
    expect(outcome).toMatchObject({
      kind: 'applied',
      after: { callbackUrl: url, fields: ['account_update', 'messages'] },
    });
    expect(await current()).toMatchObject({ callbackUrl: url, fields: ['account_update', 'messages'] });
    // The preflight reached the receiver before Graph's own verification did.
    expect(receiver.hits.filter((hit) => hit.startsWith('/echo?')).length).toBeGreaterThanOrEqual(2);

    const rows = await h.changeRows(ctx.appId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'app_subscription.set',
      targetType: 'application',
      outcome: 'success',
      actorEmail: actor.email,
      before: { callbackUrl: before?.callbackUrl },
      after: { callbackUrl: url },
    });
    expect(JSON.stringify(rows[0])).not.toContain(RECEIVER_TOKEN);
    expect(JSON.stringify(rows[0])).not.toContain(ctx.appAccessToken ?? 'no-token');
    // Every number now falls back to the new app callback.
    const { phoneNumberId } = h.scenarios.applicationTier;
    expect((await ctx.graph.getWebhookConfiguration(phoneNumberId)).application).toBe(url);
  });

  it('refuses a URL that fails the preflight and sends nothing to Graph', async () => {
    const before = await current();
    const outcome = await setAppSubscription(
      ctx,
      {
        callbackUrl: `${receiver.url}/missing`,
        verifyToken: RECEIVER_TOKEN,
        fields: ['messages'],
        expected: appSubscriptionValue(before),
      },
      actor,
    );
    expect(outcome).toMatchObject({ kind: 'preflight_failed', preflight: { ok: false, httpStatus: 404 } });
    expect(await h.writes()).toEqual([]);
    expect(await current()).toEqual(before);
    expect((await h.changeRows(ctx.appId)).map((r) => r.outcome)).toEqual(['refused']);
  });

  it('refuses invalid input and a stale form without a Graph write', async () => {
    const invalid = await setAppSubscription(
      ctx,
      { callbackUrl: 'ftp://example.com', verifyToken: '', fields: [], expected: null },
      actor,
    );
    expect(invalid.kind).toBe('refused');
    expect('fieldErrors' in invalid && Object.keys(invalid.fieldErrors).sort()).toEqual([
      'callbackUrl',
      'fields',
      'verifyToken',
    ]);
    const stale = await setAppSubscription(
      ctx,
      {
        callbackUrl: `${receiver.url}/echo`,
        verifyToken: RECEIVER_TOKEN,
        fields: ['messages'],
        expected: 'https://old.example.com (fields: messages)',
      },
      actor,
    );
    expect(stale).toMatchObject({ kind: 'stale', current: appSubscriptionValue(await current()) });
    expect(await h.writes()).toEqual([]);
  });

  it('refuses without an app secret, saying so', async () => {
    const outcome = await setAppSubscription(
      { ...ctx, appAccessToken: null },
      {
        callbackUrl: `${receiver.url}/echo`,
        verifyToken: RECEIVER_TOKEN,
        fields: ['messages'],
        expected: null,
      },
      actor,
    );
    expect(outcome).toEqual({ kind: 'refused', message: NO_APP_SECRET_MESSAGE });
    expect(await h.calls()).toEqual([]);
  });
});

describe('deleting the app subscription', () => {
  it('needs the app id typed exactly, then removes the tier for every WABA', async () => {
    const expected = appSubscriptionValue(await current());
    const wrong = await deleteAppSubscription(ctx, { confirmAppId: '123', expected }, actor);
    expect(wrong).toMatchObject({
      kind: 'refused',
      fieldErrors: { confirmAppId: [expect.stringContaining(ctx.appId)] },
    });
    expect(await h.writes()).toEqual([]);

    const done = await deleteAppSubscription(ctx, { confirmAppId: ` ${ctx.appId} `, expected }, actor);
    expect(done).toEqual({ kind: 'applied', after: null });
    expect(await current()).toBeNull();
    const { phoneNumberId } = h.scenarios.applicationTier;
    expect((await ctx.graph.getWebhookConfiguration(phoneNumberId)).application).toBeUndefined();
    const rows = await h.changeRows(ctx.appId);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['app_subscription.delete', 'refused'],
      ['app_subscription.delete', 'success'],
    ]);

    const again = await deleteAppSubscription(ctx, { confirmAppId: ctx.appId, expected: null }, actor);
    expect(again).toEqual({ kind: 'refused', message: 'This app has no WABA subscription to delete.' });
  });
});
