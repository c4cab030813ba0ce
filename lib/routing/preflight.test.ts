import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { preflightCallback, verificationUrl } from './preflight';
import { testCallback } from './test-callback';
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
beforeEach(() => h.reset());

describe('verificationUrl', () => {
  it("appends Meta's parameters after any existing query, encoding the token", () => {
    expect(verificationUrl('https://a.example/hook', 'tok', '42')).toBe(
      'https://a.example/hook?hub.mode=subscribe&hub.verify_token=tok&hub.challenge=42',
    );
    expect(verificationUrl('https://a.example/hook?x=1', 'a+b c', '42')).toBe(
      'https://a.example/hook?x=1&hub.mode=subscribe&hub.verify_token=a%2Bb%20c&hub.challenge=42',
    );
    expect(verificationUrl('https://a.example/hook?', 't', '1')).toBe(
      'https://a.example/hook?hub.mode=subscribe&hub.verify_token=t&hub.challenge=1',
    );
    expect(verificationUrl('https://a.example/hook?x=1&', 't', '1')).toBe(
      'https://a.example/hook?x=1&hub.mode=subscribe&hub.verify_token=t&hub.challenge=1',
    );
  });
});

describe('preflightCallback', () => {
  it('passes when the receiver echoes a fresh random challenge, and records the check', async () => {
    const url = `${receiver.url}/echo`;
    const first = await preflightCallback(h.ctx, { url, verifyToken: RECEIVER_TOKEN }, actor);
    expect(first).toMatchObject({ ok: true, url, httpStatus: 200, challengeEchoed: true, reason: null });
    expect(first.explanation).toMatch(/exact challenge/);
    await preflightCallback(h.ctx, { url, verifyToken: RECEIVER_TOKEN });
    const challenges = receiver.hits
      .slice(-2)
      .map((hit) => new URLSearchParams(hit.split('?')[1]).get('hub.challenge'));
    expect(challenges[0]).toMatch(/^\d{10}$/);
    expect(challenges[0]).not.toBe(challenges[1]);
    const rows = await h.checkRows();
    expect(
      rows.map(({ url, ok, httpStatus, reason, checkedBy }) => ({ url, ok, httpStatus, reason, checkedBy })),
    ).toEqual([
      { url, ok: true, httpStatus: 200, reason: null, checkedBy: 'operator@example.com' },
      { url, ok: true, httpStatus: 200, reason: null, checkedBy: null },
    ]);
  });

  it('refuses loopback and private targets unless the deployment allows loopback', async () => {
    const strict = { ...h.ctx, allowLoopbackCallbacks: false };
    const before = receiver.hits.length;
    const http = await preflightCallback(strict, {
      url: `${receiver.url}/echo`,
      verifyToken: RECEIVER_TOKEN,
    });
    expect(http).toMatchObject({
      ok: false,
      reason: 'invalid_url',
      explanation: expect.stringMatching(/^Use https/),
    });
    const port = new URL(receiver.url).port;
    const https = await preflightCallback(strict, {
      url: `https://127.0.0.1:${port}/echo`,
      verifyToken: 't',
    });
    expect(https).toMatchObject({ ok: false, reason: 'blocked_address' });
    const metadata = await preflightCallback(h.ctx, {
      url: 'https://169.254.169.254/latest',
      verifyToken: 't',
    });
    expect(metadata).toMatchObject({ ok: false, reason: 'blocked_address' });
    const decimal = await preflightCallback(strict, {
      url: `https://2130706433:${port}/echo`,
      verifyToken: 't',
    });
    expect(decimal).toMatchObject({ ok: false, reason: 'blocked_address' });
    expect(receiver.hits.length).toBe(before);
    expect((await h.checkRows()).map((r) => r.ok)).toEqual([false, false, false, false]);
  });

  it('reports a TLS failure in words', async () => {
    const port = new URL(receiver.url).port;
    const result = await preflightCallback(h.ctx, {
      url: `https://127.0.0.1:${port}/echo`,
      verifyToken: 't',
    });
    expect(result).toMatchObject({ ok: false, reason: 'tls', httpStatus: null });
    expect(result.explanation).toMatch(/valid certificate/);
  });
});

describe('testCallback', () => {
  it('records one callback.test change-log row with the token masked', async () => {
    const url = `${receiver.url}/echo`;
    expect(await testCallback(h.ctx, { url, verifyToken: RECEIVER_TOKEN }, actor)).toMatchObject({
      ok: true,
    });
    expect(
      await testCallback(h.ctx, { url: `${receiver.url}/missing`, verifyToken: RECEIVER_TOKEN }, actor),
    ).toMatchObject({
      ok: false,
      reason: 'http_status',
    });
    const rows = await h.changeRows();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      action: 'callback.test',
      targetType: 'receiver',
      targetId: url,
      outcome: 'success',
      requested: { url, verifyToken: 're••••••••••••ls' },
    });
    expect(rows[1]).toMatchObject({ outcome: 'failure', message: expect.stringMatching(/404/) });
    expect(JSON.stringify(rows)).not.toContain(RECEIVER_TOKEN);
  });

  it('does not call out with an invalid token', async () => {
    const before = receiver.hits.length;
    const result = await testCallback(h.ctx, { url: `${receiver.url}/echo`, verifyToken: ' padded' });
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid_token',
      explanation: expect.stringMatching(/spaces at the start or end/),
    });
    expect(receiver.hits.length).toBe(before);
  });
});
