/** Client ↔ sandbox: the client survives Graph's refusals and quirks, and proves its calls with appsecret_proof. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { QuirkConfig, SandboxCall } from '@/lib/graph-sandbox/client';
import { describeGraphError } from './describe-error';
import { phoneNumberSchema } from './schemas';
import { graphFailure as failure } from './test-helpers/graph-failure';
import { type FixtureApp, withSandbox } from './test-helpers/sandbox';

const h = withSandbox();
beforeEach(() => h.reset());

const s = () => h.fixture.scenarios;
const acme = () => h.fixture.businesses[0]?.id ?? '';
const northwind = () => h.fixture.businesses[1]?.id ?? '';
const partner = (): FixtureApp => h.fixture.apps.find((app) => app.appsecretProofRequired) ?? h.app(-1);
const proved = (app: FixtureApp) => h.client(app, { appSecret: app.secret });

const sandboxCalls = (): Promise<SandboxCall[]> => h.control.calls();

const quirks = (config: QuirkConfig) => h.control.quirks(config);

describe('appsecret_proof', () => {
  it('goes with every call when the app secret is set, and the sandbox finds each one valid', async () => {
    const app = h.app(0);
    const graph = proved(app);
    await graph.listAllWabas(acme(), 'owned', { pageSize: 2 });
    await graph.listAllPhoneNumbers(s().wabaTier.wabaId, { pageSize: 2 });
    await graph.getWebhookConfiguration(s().phoneNumberTier.phoneNumberId);
    await graph.subscribeApp(s().applicationTier.wabaId);
    await graph.getAppSubscriptions(app.id, app.appAccessToken);
    await graph.batch([{ method: 'GET', relative_url: s().wabaTier.wabaId }]);
    await graph.getPhoneNumbers([s().wabaTier.phoneNumberId, s().applicationTier.phoneNumberId]);
    const calls = await sandboxCalls();
    expect(calls.length).toBeGreaterThan(8);
    expect(calls.filter((call) => call.appsecretProof !== 'valid')).toEqual([]);
  });

  it('is absent without the app secret, which an app requiring it refuses with a sentence', async () => {
    await h.client(0).getWaba(s().wabaTier.wabaId);
    expect((await sandboxCalls()).map((call) => call.appsecretProof)).toEqual(['absent']);

    const error = await failure(h.client(partner()).listWabas(acme(), 'owned'));
    expect(error).toMatchObject({ code: 100, type: 'GraphMethodException', isTransient: false, attempts: 1 });
    expect(describeGraphError(error).message).toMatch(/requires appsecret_proof.*META_APP_SECRET/);
    await expect(proved(partner()).listWabas(acme(), 'owned')).resolves.toMatchObject({
      data: expect.any(Array),
    });
  });

  it('names a wrong secret, and never shows the secret or the proof', async () => {
    const error = await failure(
      h.client(0, { appSecret: 'not-the-app-secret' }).getWaba(s().wabaTier.wabaId),
    );
    expect(error.code).toBe(100);
    expect(describeGraphError(error).message).toMatch(/META_APP_SECRET is not this app's secret/);
    expect(JSON.stringify(error)).not.toContain('not-the-app-secret');
    expect(error.message).not.toContain('appsecret_proof=');
  });
});

describe('tokens', () => {
  it.each([
    ['no token', () => '', 104, null, /^No access token is configured \(GRAPH_ACCESS_TOKEN\)/],
    ['an expired one', () => h.app(0).expiredAccessToken, 190, 463, /expired on Tuesday, 01-Jul-25/],
    ['a revoked one', () => h.app(0).revokedAccessToken, 190, 460, /has been revoked/],
    ['not a token', () => 'EAAgarbage', 190, null, /is not an access token Graph recognises/],
  ])('turns %s into its sentence, without retrying', async (_name, token, code, subcode, pattern) => {
    const graph = h.client(0, { accessToken: token() });
    const error = await failure(graph.listWabas(acme(), 'owned'));
    expect(error).toMatchObject({ code, subcode, attempts: 1 });
    const view = describeGraphError(error);
    expect(view.message).toMatch(pattern);
    if (code === 190) expect(view.message).toContain('Generate a new system-user token in Business Settings');
  });
});

describe('assignments and shared numbers', () => {
  it('says the system user is not assigned to a business it cannot see', async () => {
    const error = await failure(proved(partner()).listWabas(northwind(), 'client'));
    expect(error).toMatchObject({ code: 100, subcode: 33 });
    expect(describeGraphError(error).message).toMatch(
      new RegExp(
        `^This token's system user is not assigned to business ${northwind()}: assign it in Business Settings → System users`,
      ),
    );
  });

  it('says who must grant control when a shared number may only be read', async () => {
    const graph = proved(partner());
    const [number] = await graph.listAllPhoneNumbers(s().clientWaba?.wabaId ?? '');
    const error = await failure(
      graph.setPhoneOverride(number?.id ?? '', {
        overrideCallbackUri: 'https://x.example.com/h',
        verifyToken: 'v',
      }),
    );
    expect(error).toMatchObject({ code: 200, httpStatus: 403, isTransient: false });
    expect(describeGraphError(error).message).toMatch(
      /^This app may read but not change this number's webhooks: the number's owner must grant the partner app full control/,
    );
  });
});

describe('multi-id reads', () => {
  it('reads several numbers in one call, keyed by id', async () => {
    const ids = [
      s().phoneNumberTier.phoneNumberId,
      s().wabaTier.phoneNumberId,
      s().applicationTier.phoneNumberId,
    ];
    const numbers = await h.client(0).getPhoneNumbers(ids, 'id,display_phone_number,webhook_configuration');
    expect([...numbers.keys()].sort()).toEqual([...ids].sort());
    expect(numbers.get(s().phoneNumberTier.phoneNumberId)?.webhook_configuration?.phone_number).toEqual(
      expect.any(String),
    );
    expect(await sandboxCalls()).toHaveLength(1);
  });

  it('fails on an unknown id', async () => {
    const error = await failure(h.client(0).getPhoneNumbers([s().wabaTier.phoneNumberId, '777777777777']));
    expect(error.code).toBe(803);
    expect(describeGraphError(error).message).toMatch(/does not know one of these ids/);
  });
});

describe('quirks', () => {
  it('collects every item when pages come back short and the last one is empty', async () => {
    await quirks({ shortPages: true });
    const graph = h.client(0);
    const numbers = await graph.listAllPhoneNumbers(s().wabaTier.wabaId, { pageSize: 4 });
    expect(new Set(numbers.map((n) => n.id)).size).toBe(6);
    const wabas = await graph.listAllWabas(acme(), 'owned', { pageSize: 2 });
    expect(wabas).toHaveLength(4);
    const nested = await graph.listWabas(acme(), 'owned', {
      fields: 'id,phone_numbers.limit(2){id}',
      limit: 1,
    });
    const edge = (
      nested.data[0] as { phone_numbers?: { data: Array<{ id: string }>; paging?: { next?: string } } }
    ).phone_numbers;
    expect(await graph.collectNestedEdge(edge, phoneNumberSchema)).toHaveLength(6);
  });

  it('accepts "success": "true"', async () => {
    await quirks({ successString: true });
    await expect(h.client(0).subscribeApp(s().applicationTier.wabaId)).resolves.toBeUndefined();
  });
});
