import { sql } from 'drizzle-orm';
import { cachedGraphProbe, getDb } from '@/lib/server';

export const dynamic = 'force-dynamic';

async function probeDatabase(): Promise<{ ok: boolean; ms?: number }> {
  const started = performance.now();
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch {
    return { ok: false };
  }
}

/**
 * For load balancers, the test stack and people: 200 when the database answers, 503 otherwise. Graph
 * reachability (lib/health/graph-probe.ts, cached 30 s) is reported but does not fail the check — without
 * Graph the console still shows the change log and explains the failure — and `?graph=0` skips it.
 */
export async function GET(request: Request) {
  const skipGraph = new URL(request.url).searchParams.get('graph') === '0';
  const [database, graph] = await Promise.all([
    probeDatabase(),
    skipGraph ? Promise.resolve(undefined) : cachedGraphProbe(),
  ]);
  // Public endpoint: Graph's error code only; the sentence (and the token check) is on the admin settings page.
  const graphView = graph && {
    ok: graph.ok,
    ms: graph.ms,
    checkedAt: graph.checkedAt,
    code: graph.code ?? null,
  };
  return Response.json(
    { ok: database.ok, database, ...(graphView ? { graph: graphView } : {}) },
    { status: database.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
