/**
 * The request function against a scripted local HTTP server: wire format and how each kind of failure
 * becomes a GraphError. Graph behaviour itself is tested against the sandbox in *.integration.test.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createGraphRequester } from './request';
import { successResponse } from './schemas';
import { fakeGraphPerTest, FAKE_TOKEN as TOKEN } from './test-helpers/fake-http';
import { graphFailure as failure } from './test-helpers/graph-failure';

const setup = fakeGraphPerTest();
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
    const { http, fake } = await setup([
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
    expect(fake.requests).toHaveLength(1);
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
