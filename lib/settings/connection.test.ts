/** The token check against the sandbox's `GET /debug_token` over HTTP. */
import { describe, expect, it } from 'vitest';
import { withSandbox } from '@/lib/graph/test-helpers/sandbox';
import { checkAccessToken } from './connection';

const h = withSandbox();

describe('checkAccessToken', () => {
  it('reports app, type, scopes and no expiry for a valid system-user token, with the app token', async () => {
    const app = h.app(0);
    const check = await checkAccessToken({
      graph: h.client(0),
      accessToken: app.accessToken,
      appAccessToken: `${app.id}|${app.secret}`,
      appId: app.id,
    });
    expect(check).toMatchObject({
      kind: 'checked',
      valid: true,
      appId: app.id,
      application: app.name,
      expiresAt: null,
      problems: [],
      checkedWith: 'app_token',
    });
    expect(check.kind === 'checked' && check.scopes).toContain('whatsapp_business_management');
  });

  it('asks about the token with itself when there is no app secret', async () => {
    const app = h.app(0);
    const check = await checkAccessToken({
      graph: h.client(0),
      accessToken: app.accessToken,
      appAccessToken: null,
      appId: app.id,
    });
    expect(check).toMatchObject({ kind: 'checked', valid: true, checkedWith: 'token_itself' });
  });

  it('says clearly when the token is invalid', async () => {
    const app = h.app(0);
    const check = await checkAccessToken({
      graph: h.client(0),
      accessToken: 'EAAG-revoked-token-000',
      appAccessToken: `${app.id}|${app.secret}`,
      appId: app.id,
    });
    expect(check).toMatchObject({ kind: 'checked', valid: false });
    expect(check.kind === 'checked' && check.problems[0]).toMatch(/not valid.*GRAPH_ACCESS_TOKEN/);
  });

  it('flags a token of another app', async () => {
    const other = h.app(1);
    const check = await checkAccessToken({
      graph: h.client(1),
      accessToken: other.accessToken,
      appAccessToken: `${other.id}|${other.secret}`,
      appId: h.app(0).id,
    });
    expect(check.kind === 'checked' && check.problems.join(' ')).toContain(`belongs to app ${other.id}`);
  });

  it('turns a Graph failure into an error view', async () => {
    const app = h.app(0);
    const check = await checkAccessToken({
      graph: h.client(0, { maxRetries: 0 }),
      accessToken: app.accessToken,
      appAccessToken: `${app.id}|wrong-secret`,
      appId: app.id,
    });
    expect(check.kind).toBe('error');
  });
});
