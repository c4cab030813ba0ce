import { describe, expect, it } from 'vitest';
import { FleetUnavailableError } from '@/lib/routing/errors';
import { describeGraphError } from './describe-error';
import { GraphError } from './errors';

function graphError(init: Partial<ConstructorParameters<typeof GraphError>[0]>) {
  return new GraphError({ method: 'POST', path: '/1/subscribed_apps', message: 'failed', ...init });
}

describe('describeGraphError', () => {
  it('explains an expired token with the code and fbtrace_id', () => {
    const view = describeGraphError(
      graphError({ code: 190, subcode: 463, fbtraceId: 'AbC123', message: 'Error validating access token' }),
    );
    expect(view).toMatchObject({ code: 190, subcode: 463, fbtraceId: 'AbC123', suggestSubscribe: false });
    expect(view.message).toMatch(
      /access token \(GRAPH_ACCESS_TOKEN\) expired\. Generate a new system-user token/,
    );
    expect(view.message).toMatch(/\(Graph error 190\/463, fbtrace_id AbC123\)$/);
  });

  it.each([
    [
      'no token',
      { code: 104, message: 'An access token is required to request this resource.' },
      /^No access token is configured \(GRAPH_ACCESS_TOKEN\)/,
    ],
    [
      'an expired token, with its date',
      {
        code: 190,
        subcode: 463,
        message:
          'Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT. The current time is Monday, 01-Dec-26 12:00:00 PST.',
      },
      /expired on Tuesday, 01-Jul-25 10:00:00 PDT\. Generate a new system-user token in Business Settings/,
    ],
    [
      'a revoked token (460)',
      {
        code: 190,
        subcode: 460,
        message: 'Error validating access token: The session has been invalidated…',
      },
      /has been revoked.*Generate a new system-user token in Business Settings/,
    ],
    [
      'a revoked token (458)',
      {
        code: 190,
        subcode: 458,
        message: 'Error validating access token: The user has not authorized application 1.',
      },
      /has been revoked/,
    ],
    [
      'a string that is not a token',
      { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
      /^GRAPH_ACCESS_TOKEN is not an access token Graph recognises\. Generate a new system-user token/,
    ],
    [
      'a wrong appsecret_proof',
      { code: 100, message: 'Invalid appsecret_proof provided in the API argument' },
      /META_APP_SECRET is not this app's secret/,
    ],
    [
      'a missing appsecret_proof the app requires',
      { code: 100, message: 'API calls from the server require an appsecret_proof argument' },
      /requires appsecret_proof.*set META_APP_SECRET/,
    ],
    [
      'a business the system user is not assigned to',
      {
        code: 100,
        subcode: 33,
        method: 'GET',
        path: '/424242/client_whatsapp_business_accounts',
        message:
          "Unsupported get request. Object with ID '424242' does not exist, cannot be loaded due to missing permissions",
      },
      /^This token's system user is not assigned to business 424242: assign it in Business Settings → System users/,
    ],
    [
      'a phone override on a number the app may only read',
      { code: 200, method: 'POST', path: '/1055', message: '(#200) Permissions error' },
      /^This app may read but not change this number's webhooks: the number's owner must grant the partner app full control/,
    ],
  ])('says what to do about %s', (_name, init, pattern) => {
    expect(describeGraphError(graphError(init)).message).toMatch(pattern);
  });

  it("quotes error_data.details when Graph's message only says the parameter is invalid", () => {
    const view = describeGraphError(
      graphError({
        code: 100,
        message: '(#100) Invalid parameter',
        details: 'override_callback_uri must be HTTPS',
      }),
    );
    expect(view.message).toMatch(
      /^Graph refused the request as invalid: \(#100\) Invalid parameter: override_callback_uri must be HTTPS/,
    );
  });

  it.each([10, 200, 294])('explains permission error %i', (code) => {
    expect(describeGraphError(graphError({ code })).message).toMatch(/lacks a permission/);
  });

  it('offers Subscribe only for the (#100) Before override… case', () => {
    const before = describeGraphError(
      graphError({
        code: 100,
        message:
          '(#100) Before override the current callback uri, your app must be subscribed to receive messages for WhatsApp Business Account',
        fbtraceId: 'X1',
      }),
    );
    expect(before.suggestSubscribe).toBe(true);
    expect(before.message).toMatch(
      /^This app is not subscribed to the WABA.*Subscribe the app to the WABA first/,
    );
    const generic = describeGraphError(
      graphError({ code: 100, message: '(#100) Param limit must be a number' }),
    );
    expect(generic.suggestSubscribe).toBe(false);
    expect(generic.message).toMatch(
      /^Graph refused the request as invalid: \(#100\) Param limit must be a number/,
    );
    const unknown = describeGraphError(
      graphError({
        code: 100,
        subcode: 33,
        message: "Unsupported get request. Object with ID '9' does not exist",
      }),
    );
    expect(unknown.message).toMatch(/does not know this id/);
  });

  it('lists the usual causes of a failed verification (2200)', () => {
    const view = describeGraphError(
      graphError({
        code: 2200,
        message: '(#2200) Callback verification failed with the following errors: HTTP Status Code = 404',
      }),
    );
    expect(view.message).toMatch(/HTTP Status Code = 404/);
    for (const cause of [
      'wrong path',
      'verify token',
      'auth wall',
      'redirect',
      'TLS certificate',
      'JSON-quoted',
    ]) {
      expect(view.message).toContain(cause);
    }
  });

  it.each([
    [80008, 600, /this WhatsApp Business Account.*about 10 minutes/],
    [80007, 30, /this WhatsApp Business Account.*about 30 seconds/],
    [4, null, /this app.*Wait a few minutes/],
    [17, 120, /about 2 minutes/],
    [613, 45, /about 45 seconds/],
  ])('says when to retry after rate limit %i', (code, retryAfterSeconds, pattern) => {
    const view = describeGraphError(graphError({ code, retryAfterSeconds, isTransient: true }));
    expect(view.message).toMatch(pattern);
    expect(view.retryAfterSeconds).toBe(retryAfterSeconds);
  });

  it.each([1, 2, 131000])('calls %i temporary', (code) => {
    expect(describeGraphError(graphError({ code })).message).toMatch(/temporary problem/);
  });

  it('distinguishes timeouts from unreachable Graph, and unknown throwables', () => {
    expect(
      describeGraphError(graphError({ message: 'no response within 10000 ms (timeout)' })).message,
    ).toMatch(/did not answer in time/);
    expect(describeGraphError(graphError({ message: 'network error: ECONNREFUSED' })).message).toMatch(
      /could not be reached/,
    );
    expect(describeGraphError(new Error('boom'))).toMatchObject({ code: null, fbtraceId: null });
  });

  it('never carries a token, even when Graph echoes one', () => {
    const token = 'sbx-sys-secret-token-123456';
    const error = graphError({
      code: 100,
      message: `Invalid parameter access_token=${token}`,
      secrets: [token],
    });
    expect(JSON.stringify(describeGraphError(error))).not.toContain(token);
  });

  it('passes on the first failure of an incomplete fleet, with its context', () => {
    const first = describeGraphError(graphError({ code: 2 }), 'Listing owned WABAs of business 1');
    const view = describeGraphError(new FleetUnavailableError([first]));
    expect(view).toMatchObject({ code: 2, context: 'Listing owned WABAs of business 1' });
    expect(view.message).toMatch(/^Part of the fleet could not be read/);
  });
});
