import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

/** Liveness for load balancers and the test stack: 200 when the database answers, 503 otherwise. */
export async function GET() {
  const started = performance.now();
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ ok: true, database: { ok: true, ms: Math.round(performance.now() - started) } });
  } catch {
    return Response.json({ ok: false, database: { ok: false } }, { status: 503 });
  }
}
