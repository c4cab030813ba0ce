/**
 * The request function against a scripted local HTTP server: wire format, failure mapping, retries, budgets.
 * Graph behaviour itself (errors, paging, overrides) is tested against the sandbox in *.integration.test.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GraphError, isGraphError } from './errors';
import { createGraphRequester, type RequesterOptions } from './request';
import { successResponse } from './schemas';
import { type FakeHttp, graphErrorReply, type ScriptedReply, startFakeHttp } from './test-helpers/fake-http';

const TOKEN = 'EAAGtestTOKENvalue123';
let fake: FakeHttp | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(script: ScriptedReply[], opts: Partial<RequesterOptions> = {}) {
  fake = await startFakeHttp(script);
  const http = createGraphRequester({
    baseUrl: fake.url,
    version: 'v23.0',
    accessToken: TOKEN,
    retryBaseDelayMs: 10,
    maxRetryDelayMs: 2_000,
    random: () => 1,
    ...opts,
  });
  return { http, fake };
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isGraphError(error)) throw new Error(`expected a GraphError, got ${String(error)}`);
  return error;
}

const ok = { body: { success: true } };

describe('wire format', () => {
  it('sends the bearer token, version, query and JSON body', async () => {
    const { http, fake } = await setup([ok]);
    await http.request({
      method: 'POST',
      path: '/123',
      query: { fields: 'id' },
      json: { a: 1 },
      schema: successResponse,
    });
    const seen = fake.requests[0];
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/v23.0/123?fields=id');
    expect(seen?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen?.body ?? '')).toEqual({ a: 1 });
  });

  it('sends form bodies and a per-call token', async () => {
    const { http, fake } = await setup([ok]);
    await http.request({
      method: 'POST',
      path: '/9/subscriptions',
      form: { object: 'whatsapp_business_account', fields: 'messages,calls', skip: undefined },
      accessToken: '9|appsecret',
      schema: successResponse,
    });
    const seen = fake.requests[0];
    expect(seen?.headers.authorization).toBe('Bearer 9|appsecret');
    expect(seen?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen?.body).toBe('object=whatsapp_business_account&fields=messages%2Ccalls');
  });

  it('accepts success as a string and validates with the schema', async () => {
    const { http } = await setup([{ body: { success: 'true' } }]);
    expect(await http.request({ method: 'POST', path: '/1', schema: successResponse })).toEqual({
      success: true,
    });
  });
});

describe('failures become GraphErrors', () => {
  it('maps the error envelope', async () => {
    const { http } = await setup([
      {
        status: 400,
        body: {
          error: {
            message: '(#100) Invalid parameter',
            type: 'OAuthException',
            code: 100,
            error_subcode: 33,
            error_user_title: 'Title',
            error_user_msg: 'User message',
            fbtrace_id: 'TRACE1',
            error_data: { messaging_product: 'whatsapp', details: 'override_callback_uri is too long' },
          },
        },
      },
    ]);
    const error = await failure(
      http.request({ method: 'GET', path: '/1', query: { fields: 'id' }, schema: z.object({}) }),
    );
    expect(error).toMatchObject({
      code: 100,
      subcode: 33,
      type: 'OAuthException',
      fbtraceId: 'TRACE1',
      userTitle: 'Title',
      userMessage: 'User message',
      details: 'override_callback_uri is too long',
      httpStatus: 400,
      isTransient: false,
      method: 'GET',
      path: '/1',
      attempts: 1,
    });
    expect(error.message).toBe('Graph GET /1 failed: (#100) Invalid parameter');
    expect(fake?.requests).toHaveLength(1);
  });

  it('reports a body that is not JSON, with code null', async () => {
    const { http } = await setup([{ body: '<html>hi</html>' }]);
    const error = await failure(http.request({ method: 'GET', path: '/1', schema: z.object({}) }));
    expect(error.code).toBeNull();
    expect(error.message).toMatch(/not JSON/);
  });

  it('reports a response that fails validation, naming the field', async () => {
    const { http } = await setup([{ body: { data: [{ name: 'no id' }] } }]);
    const schema = z.object({ data: z.array(z.object({ id: z.string() })) });
    const error = await failure(http.request({ method: 'GET', path: '/1/phone_numbers', schema }));
    expect(error).toMatchObject({ code: null, isTransient: false, httpStatus: 200 });
    expect(error.message).toMatch(/unexpected response shape \(data\.0\.id: /);
  });

  it('does not follow redirects (the token stays on the Graph origin)', async () => {
    const { http, fake } = await setup([{ status: 302, headers: { location: 'http://127.0.0.1:1/steal' } }]);
    const error = await failure(http.request({ method: 'GET', path: '/1', schema: z.object({}) }));
    expect(error).toMatchObject({ httpStatus: 302, isTransient: false });
    expect(fake.requests).toHaveLength(1);
  });

  it('refuses a paging.next URL on another origin without sending anything', async () => {
    const { http, fake } = await setup([ok]);
    const error = await failure(
      http.request({
        method: 'GET',
        nextUrl: 'https://evil.example.com/v23.0/1?access_token=x',
        schema: z.object({}),
      }),
    );
    expect(error.message).toMatch(/refusing to follow/);
    expect(fake.requests).toHaveLength(0);
  });

  it('follows a paging.next URL on the Graph origin with the header token only', async () => {
    const { http, fake } = await setup([{ body: { data: [] } }]);
    await http.request({
      method: 'GET',
      nextUrl: `${fake.url}/v23.0/5/phone_numbers?access_token=${TOKEN}&after=abc`,
      schema: z.object({ data: z.array(z.unknown()) }),
    });
    expect(fake.requests[0]?.url).toBe('/v23.0/5/phone_numbers?after=abc');
  });

  it('times out, marks it transient, and retries within the count', async () => {
    const { http, fake } = await setup([{ delayMs: 3_000 }], { timeoutMs: 100, maxRetries: 1 });
    const started = Date.now();
    const error = await failure(http.request({ method: 'GET', path: '/1', schema: z.object({}) }));
    expect(error.message).toMatch(/no response within 100 ms \(timeout\).*gave up after 2 attempts/);
    expect(error).toMatchObject({ isTransient: true, code: null, attempts: 2 });
    expect(fake.requests).toHaveLength(2);
    // Two attempts cut at 100 ms each; waiting for the server would take 6 s.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('maps network errors, retrying them, with a sanitised cause', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const retries: number[] = [];
    const http = createGraphRequester({
      baseUrl: `http://127.0.0.1:${port}`,
      version: 'v23.0',
      accessToken: TOKEN,
      maxRetries: 2,
      retryBaseDelayMs: 5,
      onRetry: ({ retry }) => retries.push(retry),
    });
    const error = await failure(http.request({ method: 'GET', path: '/1', schema: z.object({}) }));
    expect(error).toMatchObject({ isTransient: true, attempts: 3, code: null });
    expect(error.message).toMatch(/network error/);
    expect(error.cause).toBeInstanceOf(Error);
    expect(retries).toEqual([1, 2]);
  });

  it('stops when the caller aborts', async () => {
    const { http } = await setup([{ delayMs: 2_000 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(
      http.request({ method: 'GET', path: '/1', schema: z.object({}), signal: controller.signal }),
    );
    expect(error).toMatchObject({ isTransient: false, attempts: 1 });
    expect(error.message).toMatch(/cancelled by the caller/);
  });
});

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
