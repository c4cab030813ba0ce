import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '@/lib/log';
import { getNumber } from './get-number';
import { getWaba } from './get-waba';
import { clearPhoneOverride, setPhoneOverride } from './phone-override';
import { readAgain } from './read-again';
import { RECEIVER_TOKEN, startReceiver, startRoutingHarness, type TestReceiver } from './test-support';

let h: Awaited<ReturnType<typeof startRoutingHarness>>;
let receiver: TestReceiver;
const actor = { id: null, email: 'operator@example.com' };

beforeAll(async () => {
  [h, receiver] = await Promise.all([startRoutingHarness(), startReceiver()]);
});
afterAll(async () => {
  await Promise.all([h.close(), receiver.close()]);
});
beforeEach(async () => {
  await h.reset();
  await h.clearCalls();
});

const DUBLIN = 'https://store-dublin.example.com/wa';
const EU_WABA = 'https://eu.hooks.example.com/whatsapp';

async function onlyRow(targetId: string) {
  const rows = await h.changeRows(targetId);
  expect(rows).toHaveLength(1);
  const row = rows[0];
  if (!row) throw new Error('no change-log row');
  // The verify token never reaches the log, in any field.
  expect(JSON.stringify(row)).not.toContain(RECEIVER_TOKEN);
  return row;
}

describe('setPhoneOverride', () => {
  it('preflights, writes, reads back the new winner and logs one masked row', async () => {
    const { phoneNumberId } = h.scenarios.wabaTier;
    const url = `${receiver.url}/echo?tenant=eu`;
    const outcome = await setPhoneOverride(
      h.ctx,
      { phoneNumberId, overrideCallbackUri: url, verifyToken: RECEIVER_TOKEN, expected: null },
      actor,
    );
    expect(outcome).toMatchObject({
      kind: 'applied',
      after: { phoneNumberId, tiers: { phone_number: url }, resolution: { winner: 'phone_number', url } },
    });
    // What Graph reports, read independently of the service.
    expect((await h.ctx.graph.getWebhookConfiguration(phoneNumberId)).phone_number).toBe(url);
    expect((await h.writes()).map((c) => c.method)).toEqual(['POST']);
    // Our preflight and Meta's live check each reached the receiver once, with the query kept.
    const hits = receiver.hits.filter((hit) => hit.startsWith('/echo?tenant=eu&hub.mode=subscribe'));
    expect(hits.length).toBeGreaterThanOrEqual(2);

    const row = await onlyRow(phoneNumberId);
    expect(row).toMatchObject({
      action: 'phone_override.set',
      targetType: 'phone_number',
      outcome: 'success',
      actorEmail: 'operator@example.com',
      requested: { overrideCallbackUri: url, verifyToken: 're••••••••••••ls' },
      before: { winner: 'whatsapp_business_account' },
      after: { winner: 'phone_number', tiers: { phone_number: url } },
    });
    const checks = await h.checkRows();
    expect(checks.at(-1)).toMatchObject({
      url,
      ok: true,
      httpStatus: 200,
      checkedBy: 'operator@example.com',
    });
  });

  it('calls a write Graph accepted but could not read back "unverified", not a failure', async () => {
    const { phoneNumberId } = h.scenarios.wabaTier;
    const url = `${receiver.url}/echo?tenant=unverified`;
    // The write goes through; the first call after it (the read-back) fails.
    await h.faults({ afterWrite: true, count: 1, faultKind: 'http500' });
    const outcome = await setPhoneOverride(
      h.ctx,
      { phoneNumberId, overrideCallbackUri: url, verifyToken: RECEIVER_TOKEN, expected: null },
      actor,
    );
    expect(outcome).toMatchObject({
      kind: 'unverified',
      action: 'phone_override.set',
      targetId: phoneNumberId,
      requested: url,
      error: { code: 1 },
    });
    // Graph did apply it.
    expect((await h.ctx.graph.getWebhookConfiguration(phoneNumberId)).phone_number).toBe(url);
    const row = await onlyRow(phoneNumberId);
    expect(row).toMatchObject({
      action: 'phone_override.set',
      outcome: 'unverified',
      errorCode: 1,
      before: { winner: 'whatsapp_business_account' },
    });
    expect(row.message).toMatch(/^Graph accepted the change, but reading it back failed/);

    // "Read again" while reads still fail says so; once they work it reports the value Graph applied.
    await h.faults({ count: 20, pathPattern: phoneNumberId });
    const input = { action: 'phone_override.set', targetId: phoneNumberId } as const;
    const tierCtx = { ...h.ctx, appAccessToken: null };
    expect(await readAgain(tierCtx, input)).toMatchObject({ kind: 'graph_error', error: { code: 1 } });
    await h.faults({});
    expect(await readAgain(tierCtx, input)).toMatchObject({ kind: 'read', value: url });
    // A read only: still the one row.
    await onlyRow(phoneNumberId);
  });

  it('refuses a stale form without preflight or any Graph write', async () => {
    const { phoneNumberId } = h.scenarios.phoneNumberTier;
    const hitsBefore = receiver.hits.length;
    const outcome = await setPhoneOverride(
      h.ctx,
      {
        phoneNumberId,
        overrideCallbackUri: `${receiver.url}/echo`,
        verifyToken: RECEIVER_TOKEN,
        expected: null,
      },
      actor,
    );
    expect(outcome).toEqual({ kind: 'stale', expected: null, current: DUBLIN });
    expect(await h.writes()).toEqual([]);
    expect(receiver.hits.length).toBe(hitsBefore);
    expect(await onlyRow(phoneNumberId)).toMatchObject({
      outcome: 'refused',
      before: { tiers: { phone_number: DUBLIN } },
    });
  });

  it.each([
    ['/wrong', 'challenge_mismatch', /not the challenge|exactly the hub.challenge/],
    ['/missing', 'http_status', /404/],
    ['/auth', 'http_status', /401.*auth wall/],
    ['/quoted', 'json_quoted_challenge', /JSON quotes/],
    ['/newline', 'challenge_mismatch', /extra whitespace/],
    ['/redirect', 'redirect', /does not follow redirects/],
    ['/big', 'body_too_large', /more than 4 KB/],
    ['/hang', 'timeout', /No answer within 1000 ms/],
  ])('blocks the save when the receiver at %s fails preflight (%s)', async (path, reason, explanation) => {
    const { phoneNumberId } = h.scenarios.wabaTier;
    const url = `${receiver.url}${path}`;
    const outcome = await setPhoneOverride(
      h.ctx,
      { phoneNumberId, overrideCallbackUri: url, verifyToken: RECEIVER_TOKEN, expected: null },
      actor,
    );
    expect(outcome.kind).toBe('preflight_failed');
    if (outcome.kind !== 'preflight_failed') return;
    expect(outcome.preflight).toMatchObject({ ok: false, url, reason, challengeEchoed: false });
    expect(outcome.preflight.explanation).toMatch(explanation);
    // The remote body is never passed on.
    expect(JSON.stringify(outcome)).not.toMatch(/secret-page-content|not here|"OK"/);
    expect(await h.writes()).toEqual([]);
    expect(await onlyRow(phoneNumberId)).toMatchObject({ outcome: 'refused', action: 'phone_override.set' });
  });

  it('blocks the save when the receiver refuses the token (403)', async () => {
    const { phoneNumberId } = h.scenarios.wabaTier;
    const outcome = await setPhoneOverride(h.ctx, {
      phoneNumberId,
      overrideCallbackUri: `${receiver.url}/echo`,
      verifyToken: 'not-the-token',
      expected: null,
    });
    expect(outcome).toMatchObject({
      kind: 'preflight_failed',
      preflight: { reason: 'http_status', httpStatus: 403 },
    });
    expect(await h.writes()).toEqual([]);
  });

  it('offers Subscribe when Graph answers (#100) Before override…', async () => {
    const { phoneNumberId } = h.scenarios.unsubscribedWaba;
    // Observed, not replaced: the line still goes out; the test reads what was logged.
    const warn = vi.spyOn(logger, 'warn');
    const outcome = await setPhoneOverride(
      h.ctx,
      {
        phoneNumberId,
        overrideCallbackUri: `${receiver.url}/echo`,
        verifyToken: RECEIVER_TOKEN,
        expected: null,
      },
      actor,
    );
    expect(outcome).toMatchObject({ kind: 'graph_error', error: { code: 100, suggestSubscribe: true } });
    if (outcome.kind === 'graph_error') {
      expect(outcome.error.message).toMatch(/Subscribe the app to the WABA first/);
      expect(outcome.error.message).toContain(`fbtrace_id ${outcome.error.fbtraceId}`);
    }
    // The write reached Graph and was refused there: nothing changed.
    expect((await h.ctx.graph.getWebhookConfiguration(phoneNumberId)).phone_number).toBeUndefined();
    const row = await onlyRow(phoneNumberId);
    expect(row).toMatchObject({ outcome: 'failure', errorCode: 100 });
    expect(row.fbtraceId).toBeTruthy();
    // And the server log has one warn line naming the action, target, code and trace id — no token.
    const lines = warn.mock.calls.filter(([, msg]) => msg === 'Graph write failed');
    warn.mockRestore();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.[0]).toMatchObject({
      action: 'phone_override.set',
      target: `phone_number:${phoneNumberId}`,
      code: 100,
      fbtraceId: row.fbtraceId,
    });
    expect(JSON.stringify(lines)).not.toContain(RECEIVER_TOKEN);
  });

  it('refuses invalid input with field messages and sends nothing to Graph', async () => {
    const { phoneNumberId } = h.scenarios.wabaTier;
    const long = `https://example.com/${'a'.repeat(181)}`;
    expect(long).toHaveLength(201);
    const outcome = await setPhoneOverride(h.ctx, {
      phoneNumberId,
      overrideCallbackUri: long,
      verifyToken: ` ${RECEIVER_TOKEN}`,
      expected: null,
    });
    expect(outcome).toEqual({
      kind: 'refused',
      message: 'Some fields need attention.',
      fieldErrors: {
        overrideCallbackUri: ['At most 200 characters (this one has 201).'],
        verifyToken: ['Remove the spaces at the start or end — Meta sends the token exactly as typed.'],
      },
    });
    const http = await setPhoneOverride(h.ctx, {
      phoneNumberId,
      overrideCallbackUri: 'http://hooks.example.com/wa',
      verifyToken: RECEIVER_TOKEN,
      expected: null,
    });
    expect(http).toMatchObject({
      kind: 'refused',
      fieldErrors: { overrideCallbackUri: [expect.stringMatching(/^Use https:\/\//)] },
    });
    expect(await h.calls()).toEqual([]);
    expect(await h.changeRows(phoneNumberId)).toHaveLength(2);
  });

  it('refuses a number outside the configured businesses', async () => {
    const outcome = await setPhoneOverride(h.ctx, {
      phoneNumberId: '424242',
      overrideCallbackUri: `${receiver.url}/echo`,
      verifyToken: RECEIVER_TOKEN,
      expected: null,
    });
    expect(outcome).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/not part of the configured/),
    });
    expect(await h.writes()).toEqual([]);
  });
});

describe('clearPhoneOverride', () => {
  it('clears, reads back the fallback to the WABA override and logs one row', async () => {
    const { phoneNumberId } = h.scenarios.phoneNumberTier;
    const outcome = await clearPhoneOverride(h.ctx, { phoneNumberId, expected: DUBLIN }, actor);
    expect(outcome).toMatchObject({
      kind: 'applied',
      after: { resolution: { winner: 'whatsapp_business_account', url: EU_WABA } },
    });
    expect((await h.ctx.graph.getWebhookConfiguration(phoneNumberId)).phone_number ?? '').toBe('');
    expect((await getNumber(h.ctx, phoneNumberId))?.resolution.winner).toBe('whatsapp_business_account');
    expect(await onlyRow(phoneNumberId)).toMatchObject({
      action: 'phone_override.clear',
      outcome: 'success',
      before: { tiers: { phone_number: DUBLIN } },
      after: { winner: 'whatsapp_business_account' },
    });
  });

  it('falls back to the app callback when the WABA has no override', async () => {
    const detail = await getWaba(h.ctx, h.scenarios.applicationTier.wabaId);
    expect(detail?.wabaOverride).toBeNull();
    const promo = detail?.numbers.find((n) => n.resolution.winner === 'phone_number');
    if (!promo) throw new Error('the demo fleet has a phone override on the US WABA');
    const outcome = await clearPhoneOverride(h.ctx, {
      phoneNumberId: promo.phoneNumberId,
      expected: promo.tiers.phone_number ?? null,
    });
    expect(outcome).toMatchObject({
      kind: 'applied',
      after: { resolution: { winner: 'application', url: detail?.applicationCallback } },
    });
  });

  it('refuses a stale clear and a clear with nothing to clear', async () => {
    const { phoneNumberId } = h.scenarios.phoneNumberTier;
    expect(await clearPhoneOverride(h.ctx, { phoneNumberId, expected: 'https://old.example.com/' })).toEqual({
      kind: 'stale',
      expected: 'https://old.example.com/',
      current: DUBLIN,
    });
    const wabaTier = h.scenarios.wabaTier.phoneNumberId;
    expect(await clearPhoneOverride(h.ctx, { phoneNumberId: wabaTier, expected: null })).toMatchObject({
      kind: 'refused',
      message: 'This number has no phone override to clear.',
    });
    expect(await h.writes()).toEqual([]);
  });
});
