/** Client ↔ sandbox: Graph's error envelopes become GraphErrors, and no token ever appears in one. */
import { describe, expect, it } from 'vitest';
import { createGraphClient } from './client';
import type { GraphError } from './errors';
import { graphFailure as failure } from './test-helpers/graph-failure';
import { withSandbox } from './test-helpers/sandbox';

const h = withSandbox();

/** Every place a token could hide in an error. */
function everythingIn(error: GraphError): string {
  return [error.message, error.stack, JSON.stringify(error), String(error.cause ?? ''), error.path].join(
    '\n',
  );
}

describe('Graph errors', () => {
  it('maps a bad token to 190 without retrying and without the token', async () => {
    const badToken = 'EAAbadTOKEN-should-never-leak-0001';
    const graph = createGraphClient({
      baseUrl: h.sandbox.url,
      version: 'v23.0',
      accessToken: badToken,
      retryBaseDelayMs: 1,
    });
    const error = await failure(graph.listWabas(h.fixture.businesses[0]?.id ?? '', 'owned'));
    expect(error).toMatchObject({
      code: 190,
      type: 'OAuthException',
      isTransient: false,
      attempts: 1,
    });
    expect(error.httpStatus).toBeGreaterThanOrEqual(400);
    expect(error.fbtraceId).toEqual(expect.any(String));
    expect(everythingIn(error)).not.toContain(badToken);
  });

  it('maps an unknown id to 100', async () => {
    const error = await failure(h.client(0).getPhoneNumber('999999999999999'));
    expect(error).toMatchObject({ code: 100, isTransient: false, method: 'GET', path: '/999999999999999' });
    expect(error.message).toMatch(/^Graph GET \/999999999999999 failed: /);
  });

  it('refuses ids that would change the path, before sending anything', async () => {
    const before = (await h.calls()).length;
    for (const id of ['..', '1/../2', '', '1?x=1']) {
      const error = await failure(h.client(0).getWaba(id));
      expect(error.code).toBeNull();
    }
    expect((await h.calls()).length).toBe(before);
  });

  it('never puts the real token in an error, message, JSON or stack', async () => {
    const app = h.app(0);
    const graph = h.client(0);
    const errors = [
      await failure(graph.getPhoneNumber('999999999999999')),
      await failure(graph.getAppSubscriptions(app.id, app.accessToken)),
      await failure(
        graph.setPhoneOverride(h.fixture.scenarios.wabaTier.phoneNumberId, {
          overrideCallbackUri: 'ftp://x',
          verifyToken: 'v',
        }),
      ),
    ];
    for (const error of errors) {
      expect(everythingIn(error)).not.toContain(app.accessToken);
      expect(everythingIn(error)).not.toContain(app.secret);
    }
  });

  it('reports the token-free path, without the query', async () => {
    const error = await failure(h.client(0).getPhoneNumber('999999999999999', 'id,webhook_configuration'));
    expect(error.path).toBe('/999999999999999');
    expect(error.message).not.toContain('fields=');
  });
});
