/**
 * The GET route handlers that replaced the read server actions, against a real Graph sandbox over HTTP and an
 * in-memory PGlite. Only next-auth's `getServerSession` (which reads the request's cookie) is replaced: it names
 * the test user, whose role is still read from the database.
 */
import { describe, expect, it, vi } from 'vitest';
import { startAuditScan } from '@/lib/audit/scan-job';
import { getAuditEnv } from '@/lib/server';
import { GET as getNumber } from './numbers/[phoneNumberId]/route';
import { GET as getOverview } from './overview/route';
import { startRouteHarness } from './test-support';
import { GET as getWaba } from './wabas/[wabaId]/route';
import { GET as getWabaList } from './wabas/route';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));

const h = startRouteHarness(session, 'read-routes-viewer@test.local');
const { request, params, scenario } = h;

describe('read route handlers', () => {
  it('answer 401 with a sentence when signed out, before reading Graph', async () => {
    const res = await getWaba(request('/api/wabas/1'), params({ wabaId: '1' }));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthenticated', message: 'Sign in to continue.' });
  });

  it('serve a viewer the WABA, the number, the list and the overview as ReadResult JSON', async () => {
    session.userId = h.viewerId;
    const { wabaId, phoneNumberId } = scenario('phoneNumberTier');

    const waba = await getWaba(request(`/api/wabas/${wabaId}`), params({ wabaId }));
    expect(waba.status).toBe(200);
    expect(waba.headers.get('cache-control')).toBe('no-store');
    const wabaBody = await waba.json();
    expect(wabaBody).toMatchObject({ ok: true, data: { wabaId } });
    expect(wabaBody.data.numbers.map((n: { phoneNumberId: string }) => n.phoneNumberId)).toContain(
      phoneNumberId,
    );

    const number = await getNumber(request(`/api/numbers/${phoneNumberId}`), params({ phoneNumberId }));
    expect(await number.json()).toMatchObject({ ok: true, data: { phoneNumberId, wabaId } });

    const list = await getWabaList(request(`/api/wabas?q=${wabaId}&page=1`));
    const listBody = await list.json();
    expect(listBody.ok).toBe(true);
    expect(listBody.data.items.map((w: { wabaId: string }) => w.wabaId)).toEqual([wabaId]);

    // The overview reads the latest audit snapshot: none yet, so it says so; after a scan it has the fleet.
    const empty = await (await getOverview(request('/api/overview'))).json();
    expect(empty).toMatchObject({ ok: true, data: { snapshot: null, numberCount: 0 } });
    await (await startAuditScan(await getAuditEnv(), 'read-routes@test.local')).finished;
    const overview = await getOverview(request('/api/overview'));
    const overviewBody = await overview.json();
    expect(overviewBody.ok).toBe(true);
    expect(overviewBody.data.snapshot).not.toBeNull();
    expect(Object.values(overviewBody.data.byWinner as Record<string, number>).some((n) => n > 0)).toBe(true);
  });

  it('answer data null for an id Graph does not know', async () => {
    session.userId = h.viewerId;
    const res = await getNumber(
      request('/api/numbers/99999999999'),
      params({ phoneNumberId: '99999999999' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: null });
  });

  it('refuse bad input with 400 naming it', async () => {
    session.userId = h.viewerId;
    const long = '1'.repeat(65);
    const res = await getWaba(request(`/api/wabas/${long}`), params({ wabaId: long }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('bad_request');
    const page = await getWabaList(request('/api/wabas?page=0'));
    expect(page.status).toBe(400);
    expect((await page.json()).message).toContain('page');
  });

  it('answer a Graph failure with 502 and the failure the page shows', async () => {
    session.userId = h.viewerId;
    const { wabaId } = scenario('phoneNumberTier');
    await fetch(`${h.sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faultRate: 1, faultKind: 'code80008' }),
    });
    const res = await getWaba(request(`/api/wabas/${wabaId}`), params({ wabaId }));
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(body.failure.code).toBe(80008);
    expect(body.failure.message).toContain('fbtrace_id');
  });
});
