/**
 * GET /api/wabas/<wabaId>/diagnosis[?app=<appId>]: the routing doctor for a WABA, as one configured app (the
 * default app without `app`) — its shared conditions and each number's verdict
 * (`{ app: { id, label }, wabaId, checkedAt, shared: [...checks], numbers: [{ phoneNumberId, verdict, firstProblem, problem }] }`).
 * Each distinct winning URL is called once. Signed-in session; viewers may read it.
 */
import { readWabaDiagnosis } from '@/lib/query/diagnosis';
import { readRoute } from '@/lib/query/read-route';
import { wabaParamsSchema } from '@/lib/query/reads';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ wabaId: string }> }) {
  const app = new URL(request.url).searchParams.get('app') || undefined;
  return readRoute(
    wabaParamsSchema,
    { wabaId: (await params).wabaId, app },
    (input) => readWabaDiagnosis(input.wabaId, input.app),
    { bare: true },
  );
}
