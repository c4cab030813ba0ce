/** The sandbox says "no" the way Graph does: error texts, appsecret_proof, assigned businesses, shared numbers. */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallLogEntry } from './call-log';
import { startTestSandbox } from './test-helpers';

type ErrorBody = {
  error: {
    code: number;
    error_subcode?: number;
    message: string;
    type: string;
    error_data?: { details: string };
  };
};

let t: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.close());
beforeEach(() => t.reset());

const s = () => t.fixture.scenarios;
const acme = () => t.fixture.businesses[0]?.id ?? '';
const northwind = () => t.fixture.businesses[1]?.id ?? '';
const main = () => t.fixture.apps[0] ?? expect.unreachable('fixture app 0');
/** The app that requires the proof, is assigned to Acme only and may only read Northwind's numbers. */
const partner = () =>
  t.fixture.apps.find((app) => app.appsecretProofRequired) ?? expect.unreachable('partner');
const proof = (token: string, secret: string) => createHmac('sha256', secret).update(token).digest('hex');
const withProof = (path: string, app: { accessToken: string; secret: string }, value?: string) =>
  `${path}${path.includes('?') ? '&' : '?'}appsecret_proof=${value ?? proof(app.accessToken, app.secret)}`;
const lastCall = async () => (await t.control<{ data: CallLogEntry[] }>('/calls')).body.data.at(-1);

describe('error texts', () => {
  it('answers an expired token with 190/463 and the expiry date, without a prefix', async () => {
    const res = await t.graph<ErrorBody>(`/v23.0/${acme()}`, { token: main().expiredAccessToken });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
    expect(res.body.error.message).toMatch(
      /^Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT\. The current time is .+\.$/,
    );
  });

  it('answers a revoked token with 190/460', async () => {
    const res = await t.graph<ErrorBody>(`/v23.0/${acme()}`, { token: main().revokedAccessToken });
    expect(res.body.error).toMatchObject({ code: 190, error_subcode: 460, type: 'OAuthException' });
    expect(res.body.error.message).toMatch(
      /^Error validating access token: The session has been invalidated/,
    );
  });

  it.each([
    ['GET', 'get'],
    ['POST', 'post'],
  ])(
    'answers an unknown object on %s with 100/33 GraphMethodException and no (#100)',
    async (method, verb) => {
      const res = await t.graph<ErrorBody>('/v23.0/424242424242', {
        method,
        ...(method === 'POST' && { form: { a: 'b' } }),
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
      expect(res.body.error.message).toBe(
        `Unsupported ${verb} request. Object with ID '424242424242' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      );
    },
  );

  it('keeps (#100) on parameter errors and repeats the reason in error_data.details', async () => {
    const res = await t.graph<ErrorBody>(`/v23.0/${s().wabaTier.phoneNumberId}`, {
      json: { webhook_configuration: { override_callback_uri: 'ftp://x', verify_token: 'v' } },
    });
    expect(res.body.error.message).toMatch(
      /^\(#100\) Param override_callback_uri must be a valid HTTPS URL$/,
    );
    expect(res.body.error.error_data).toEqual({
      messaging_product: 'whatsapp',
      details: 'Param override_callback_uri must be a valid HTTPS URL',
    });
  });
});

describe('appsecret_proof', () => {
  it('accepts a correct proof and logs it as valid', async () => {
    const res = await t.graph(withProof(`/v23.0/${acme()}`, main()));
    expect(res.status).toBe(200);
    expect(await lastCall()).toMatchObject({ status: 200, appsecretProof: 'valid' });
  });

  it('refuses a wrong proof with 100 and logs it as invalid', async () => {
    const wrong = proof(main().accessToken, 'not-the-secret');
    for (const value of [wrong, 'zz']) {
      const res = await t.graph<ErrorBody>(withProof(`/v23.0/${acme()}`, main(), value));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 100,
        type: 'GraphMethodException',
        message: 'Invalid appsecret_proof provided in the API argument',
      });
      expect(await lastCall()).toMatchObject({ status: 400, appsecretProof: 'invalid' });
    }
  });

  it('logs a call without one as absent; an app that requires it refuses such calls', async () => {
    expect((await t.graph(`/v23.0/${acme()}`)).status).toBe(200);
    expect(await lastCall()).toMatchObject({ appsecretProof: 'absent' });
    expect(main().appsecretProofRequired).toBe(false);

    const app = partner();
    expect(app.id).not.toBe(main().id);
    const refused = await t.graph<ErrorBody>(`/v23.0/${acme()}`, { token: app.accessToken });
    expect(refused.body.error).toMatchObject({
      code: 100,
      type: 'GraphMethodException',
      message: 'API calls from the server require an appsecret_proof argument',
    });
    const ok = await t.graph(withProof(`/v23.0/${acme()}`, app), { token: app.accessToken });
    expect(ok.status).toBe(200);
  });

  it("covers a batch's operations with the batch's proof, in a form body too", async () => {
    const app = partner();
    const batch = JSON.stringify([{ method: 'GET', relative_url: acme() }]);
    const res = await t.graph<Array<{ code: number }>>('/v23.0/', {
      token: app.accessToken,
      form: { batch, appsecret_proof: proof(app.accessToken, app.secret) },
    });
    expect(res.body.map((op) => op.code)).toEqual([200]);
    const calls = (await t.control<{ data: CallLogEntry[] }>('/calls')).body.data;
    expect(calls.map((c) => c.appsecretProof)).toEqual(['valid', 'valid']);
  });
});

describe("a system user's assignments", () => {
  const read = (path: string) =>
    t.graph<ErrorBody>(withProof(path, partner()), { token: partner().accessToken });

  it('hides a business it is not assigned to behind 100/33, for its edges too', async () => {
    expect(partner().businesses).toEqual([acme()]);
    for (const path of [`/v23.0/${northwind()}`, `/v23.0/${northwind()}/owned_whatsapp_business_accounts`]) {
      const res = await read(path);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
      expect(res.body.error.message).toContain(`Object with ID '${northwind()}' does not exist`);
    }
    expect((await t.graph(`/v23.0/${northwind()}`)).status).toBe(200);
  });

  it('reads a client WABA shared with an assigned business', async () => {
    const res = await read(`/v23.0/${s().clientWaba?.wabaId}`);
    expect(res.status).toBe(200);
  });

  it("refuses to change a read-only shared number's webhooks with 403 (#200), and reads it", async () => {
    const waba = s().clientWaba?.wabaId ?? '';
    expect(partner().readOnlyWabas).toEqual([waba]);
    const numbers = await t.graph<{ data: Array<{ id: string }> }>(
      withProof(`/v23.0/${waba}/phone_numbers`, partner()),
      { token: partner().accessToken },
    );
    const phone = numbers.body.data[0]?.id ?? '';
    const res = await t.graph<ErrorBody>(withProof(`/v23.0/${phone}`, partner()), {
      token: partner().accessToken,
      json: {
        webhook_configuration: { override_callback_uri: 'https://x.example.com/h', verify_token: 'v' },
      },
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 200, message: '(#200) Permissions error' });
    expect((await read(`/v23.0/${phone}?fields=webhook_configuration`)).status).toBe(200);
  });
});

describe('multi-id reads', () => {
  it('answers an object keyed by id with the requested fields', async () => {
    const a = s().phoneNumberTier.phoneNumberId;
    const b = s().applicationTier.phoneNumberId;
    const res = await t.graph<Record<string, Record<string, unknown>>>(
      `/v23.0/?ids=${a},${b}&fields=id,webhook_configuration`,
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([a, b].sort());
    expect(res.body[a]).toMatchObject({ id: a, webhook_configuration: { phone_number: expect.any(String) } });
    expect(res.body[b]?.webhook_configuration).not.toHaveProperty('phone_number');
  });

  it('fails the whole call on one unknown id, and on ids the token may not see', async () => {
    const res = await t.graph<ErrorBody>(`/v23.0/?ids=${s().wabaTier.wabaId},777777777777`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 803 });
    expect(res.body.error.message).toBe(
      '(#803) Some of the aliases you requested do not exist: 777777777777',
    );
    const hidden = await t.graph<ErrorBody>(withProof(`/v23.0/?ids=${acme()},${northwind()}`, partner()), {
      token: partner().accessToken,
    });
    expect(hidden.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});

describe('quirks', () => {
  type Edge = { data: Array<{ id: string }>; paging?: { next?: string; cursors?: { after: string } } };

  it('pages short, and the page with the last items still links to an empty page without next', async () => {
    expect((await t.control('/quirks', { json: { shortPages: true } })).body).toEqual({ shortPages: true });
    const pages: number[] = [];
    let next: string | undefined = `/v23.0/${s().wabaTier.wabaId}/phone_numbers?limit=4`;
    const ids: string[] = [];
    while (next) {
      const res: { body: Edge } = await t.graph<Edge>(next);
      pages.push(res.body.data.length);
      ids.push(...res.body.data.map((n) => n.id));
      next = res.body.paging?.next;
    }
    expect(pages).toEqual([2, 2, 2, 0]);
    expect(new Set(ids).size).toBe(6);
    await t.control('/quirks', { method: 'DELETE' });
    const plain = await t.graph<Edge>(`/v23.0/${s().wabaTier.wabaId}/phone_numbers?limit=6`);
    expect(plain.body.data).toHaveLength(6);
    expect(plain.body.paging?.next).toBeUndefined();
  });

  it('refuses an invalid cursor', async () => {
    const res = await t.graph<ErrorBody>(
      `/v23.0/${s().wabaTier.wabaId}/phone_numbers?after=bm90LWEtY3Vyc29y`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^\(#100\) Invalid cursor/);
  });

  it('answers writes with "success": "true" when asked to, and refuses unknown quirks', async () => {
    await t.control('/quirks', { json: { successString: true } });
    const res = await t.graph(`/v23.0/${s().wabaTier.wabaId}/subscribed_apps`, { method: 'POST' });
    expect(res.body).toEqual({ success: 'true' });
    expect((await t.control('/quirks', { json: { nope: true } })).status).toBe(400);
    await t.reset();
    expect((await t.control('/quirks')).body).toEqual({});
  });
});
