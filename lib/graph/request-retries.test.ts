/**
 * The request function against a scripted local HTTP server: retries, budgets, rate-limit waits, usage
 * headers, and redaction of secrets.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GraphError, isGraphError } from './errors';
import { createGraphRequester } from './request';
import { successResponse } from './schemas';
import { fakeGraphPerTest, graphErrorReply, FAKE_TOKEN as TOKEN } from './test-helpers/fake-http';
import { graphFailure as failure } from './test-helpers/graph-failure';

const setup = fakeGraphPerTest();
const ok = { body: { success: true } };

describe('retries', () => {
  it('retries 5xx and transient codes, then succeeds', async () => {
    const { http, fake } = await setup([
      { status: 500, body: 'oops' },
      graphErrorReply(2, 'Service temporarily unavailable', 503),
      graphErrorReply(131000, 'Something went wrong', 500),
      ok,
    ]);
    expect(await http.request({ method: 'GET', path: '/1', schema: successResponse })).toEqual({
      success: true,
    });
    expect(fake.requests).toHaveLength(4);
  });

  it.each([190, 100, 2200, 10, 200, 368])('never retries code %i', async (code) => {
    const { http, fake } = await setup([graphErrorReply(code, `(#${code}) nope`, 500), ok]);
    const error = await failure(http.request({ method: 'GET', path: '/1', schema: successResponse }));
    expect(error).toMatchObject({ code, isTransient: false, attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up after maxRetries with a clear message', async () => {
    const { http, fake } = await setup([graphErrorReply(2, 'Service temporarily unavailable', 503)], {
      maxRetries: 2,
    });
    const error = await failure(http.request({ method: 'GET', path: '/1', schema: successResponse }));
    expect(error.message).toBe(
      'Graph GET /1 failed: Service temporarily unavailable (gave up after 3 attempts)',
    );
    expect(error).toMatchObject({ code: 2, isTransient: true, attempts: 3 });
    expect(fake.requests).toHaveLength(3);
  });

  it('bounds the total retry time, whatever maxRetries says', async () => {
    const { http, fake } = await setup([{ status: 500 }], {
      maxRetries: 10,
      retryBaseDelayMs: 100,
      maxRetryDelayMs: 250,
    });
    const started = Date.now();
    const error = await failure(http.request({ method: 'GET', path: '/1', schema: successResponse }));
    const elapsed = Date.now() - started;
    expect(error.message).toMatch(/retry time budget used up/);
    expect(fake.requests.length).toBeLessThan(6);
    expect(elapsed).toBeGreaterThanOrEqual(240);
    // Without the budget, 10 retries of up to 5 s each would take far longer.
    expect(elapsed).toBeLessThan(2_500);
  });

  const rateLimited = (minutes: number) =>
    graphErrorReply(
      80008,
      '(#80008) There have been too many calls to this WhatsApp Business account.',
      400,
      {
        'x-business-use-case-usage': JSON.stringify({
          '1234': [
            {
              type: 'whatsapp_business_management',
              call_count: 100,
              total_cputime: 1,
              total_time: 1,
              estimated_time_to_regain_access: minutes,
            },
          ],
        }),
      },
    );

  it('waits out a short estimated_time_to_regain_access, then succeeds', async () => {
    // 0.005 minutes = 300 ms; the jittered backoff alone (≤ 10 ms) would be far shorter.
    const { http, fake } = await setup([rateLimited(0.005), ok]);
    const started = Date.now();
    await http.request({ method: 'GET', path: '/1', schema: successResponse });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(fake.requests).toHaveLength(2);
    expect(http.lastUsage()?.regainAccessMinutes).toBe(0.005);
  });

  it('fails fast when the regain time is longer than the budget', async () => {
    const { http, fake } = await setup([rateLimited(30), ok]);
    const started = Date.now();
    const error = await failure(http.request({ method: 'GET', path: '/1', schema: successResponse }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 80008, isTransient: true, retryAfterSeconds: 1800, attempts: 1 });
    expect(error.message).toMatch(/about 1800 s, longer than this call may wait; try again later/);
  });
});

describe('usage headers', () => {
  it('exposes the latest snapshot and reports it, ignoring malformed ones', async () => {
    const seen: unknown[] = [];
    const { http } = await setup(
      [
        {
          headers: { 'x-app-usage': '{"call_count":7,"total_cputime":1,"total_time":2}' },
          body: { success: true },
        },
        { headers: { 'x-app-usage': '{broken' }, body: { success: true } },
      ],
      { onUsage: (u) => seen.push(u) },
    );
    expect(http.lastUsage()).toBeNull();
    await http.request({ method: 'GET', path: '/1', schema: successResponse });
    expect(http.lastUsage()?.app?.call_count).toBe(7);
    await http.request({ method: 'GET', path: '/1', schema: successResponse });
    expect(http.lastUsage()?.app?.call_count).toBe(7);
    expect(seen).toHaveLength(1);
  });
});

describe('secrets never leak', () => {
  it('redacts tokens that Graph or a proxy echoes back', async () => {
    const verifyToken = 'my-verify-token-42';
    const { http } = await setup([
      graphErrorReply(
        100,
        `bad token ${TOKEN} for 9|appsecret-xyz with ${verifyToken} ?access_token=${TOKEN}`,
      ),
    ]);
    const error = await failure(
      http.request({
        method: 'POST',
        path: '/1',
        json: {},
        accessToken: '9|appsecret-xyz',
        secrets: [verifyToken],
        schema: successResponse,
      }),
    );
    const everything = [error.message, error.stack, JSON.stringify(error), String(error.cause ?? '')].join(
      '\n',
    );
    for (const secret of [TOKEN, 'appsecret-xyz', verifyToken]) expect(everything).not.toContain(secret);
    expect(error.message).toContain('[redacted]');
  });

  it('keeps the token out of network error causes', async () => {
    const http = createGraphRequester({
      baseUrl: 'http://127.0.0.1:1',
      version: 'v23.0',
      accessToken: TOKEN,
      maxRetries: 0,
    });
    const error = await failure(
      http.request({ method: 'GET', path: '/1', query: { q: TOKEN }, schema: z.object({}) }),
    );
    const everything = [
      error.message,
      error.stack,
      JSON.stringify(error),
      String(error.cause),
      (error.cause as Error).stack,
    ].join('\n');
    expect(everything).not.toContain(TOKEN);
  });
});

describe('GraphError', () => {
  it('is recognisable and serialisable', () => {
    const error = new GraphError({
      method: 'GET',
      path: '/1?access_token=abcd1234',
      message: 'x',
      code: 2,
      secrets: ['abcd1234'],
    });
    expect(isGraphError(error)).toBe(true);
    expect(isGraphError(new Error('x'))).toBe(false);
    expect(error.path).toBe('/1');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'GraphError',
      code: 2,
      path: '/1',
      message: 'Graph GET /1 failed: x',
    });
  });
});
