/**
 * GET /api/numbers/<id>/diagnosis (the pattern of app/api/read-routes.test.ts), against a real Graph sandbox over HTTP and an
 * in-memory PGlite. Only next-auth's `getServerSession` (which reads the request's cookie) is replaced: it names
 * the test user, whose role is still read from the database.
 */
import { describe, expect, it, vi } from 'vitest';
import { startRouteHarness } from '../../../test-support';
import { GET } from './route';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));

const h = startRouteHarness(session, 'diagnosis-viewer@test.local');
const { request, params, scenario } = h;

describe('GET /api/numbers/<id>/diagnosis', () => {
  it('answers 401 when signed out', async () => {
    const res = await GET(request('/api/numbers/1/diagnosis'), params({ phoneNumberId: '1' }));
    expect(res.status).toBe(401);
  });

  it('serves a viewer the bare diagnosis with every check id', async () => {
    session.userId = h.viewerId;
    const { phoneNumberId } = scenario('unsubscribedWaba');
    const res = await GET(request(`/api/numbers/${phoneNumberId}/diagnosis`), params({ phoneNumberId }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      phoneNumberId,
      verdict: 'does_not_deliver',
      firstProblem: 'waba_subscription',
    });
    expect(Number.isNaN(Date.parse(body.checkedAt))).toBe(false);
    expect(body.checks.map((c: { id: string }) => c.id)).toEqual([
      'token',
      'app_subscription',
      'messages_field',
      'waba_subscription',
      'number_status',
      'waba_status',
      'callback_live',
      'other_apps',
      'recent_deliveries',
    ]);
    const app = h.sandbox.fixture.apps[0];
    const text = JSON.stringify(body);
    expect(text).not.toContain(app?.accessToken);
    expect(text).not.toContain(app?.secret);
  });

  it('answers 404 for a number Graph does not know and 400 for junk', async () => {
    session.userId = h.viewerId;
    const unknown = await GET(
      request('/api/numbers/99999999999/diagnosis'),
      params({ phoneNumberId: '99999999999' }),
    );
    expect(unknown.status).toBe(404);
    const long = '1'.repeat(65);
    const bad = await GET(request(`/api/numbers/${long}/diagnosis`), params({ phoneNumberId: long }));
    expect(bad.status).toBe(400);
  });
});
