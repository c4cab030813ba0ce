/**
 * The activity CSV export's route handler against the real test database (PGlite, or PostgreSQL with
 * TEST_DATABASE=postgres). Only next-auth's `getServerSession` is replaced: it names the test user, whose role
 * is still read from the database.
 */
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '@/lib/auth/test-support';
import { recordChange } from '@/lib/db/change-log';
import { createUser } from '@/lib/db/users';
import { GET } from './route';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));

const exportOf = (query: string) =>
  GET(new NextRequest(`http://switchboard.test/api/activity/export?${query}`));

beforeAll(async () => {
  await useTestDatabase();
  session.userId = (await createUser({ email: 'export-operator@test.local', role: 'operator' })).id;
  await recordChange({
    actor: { id: null, email: 'ann@example.com' },
    action: 'phone_override.set',
    targetType: 'phone_number',
    targetId: '1065',
    requested: { url: 'https://hooks.example.com/a,b', fields: ['messages'] },
    outcome: 'success',
    message: '=HYPERLINK("http://evil","x")',
  });
});

describe('GET /api/activity/export', () => {
  it.each([
    ['from=-271821-04-20T00:00:00Z', 'from'],
    ['from=0000-01-01', 'from'],
    ['to=0000-01-01', 'to'],
    ['from=%2B275760-09-13T00:00:00Z', 'from'],
  ])('refuses an out-of-range date (%s) with 400 and a sentence, before any CSV', async (query, field) => {
    const res = await exportOf(query);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = await res.json();
    expect(body.message).toContain('Pick a date between 1970-01-01 and 9999-12-31');
    expect(Object.keys(body.fieldErrors)).toEqual([field]);
  });

  it('exports with a byte-order mark, objects as JSON and formulas defused', async () => {
    const res = await exportOf('from=2000-01-01&to=9999-12-31');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The BOM as bytes: Response.text() would strip it.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, line] = text.split('\r\n');
    expect(header).toBe(
      'at,actor,action,target_type,target_id,outcome,error_code,fbtrace_id,message,before,requested,after',
    );
    expect(line).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(line).toContain('"{""url"":""https://hooks.example.com/a,b"",""fields"":[""messages""]}"');
    expect(line).not.toContain('[object Object]');
  });

  it('still ignores text that is no date at all, as the page does', async () => {
    const res = await exportOf('from=yesterday');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('phone_override.set');
  });
});
